package vn.motcua.notification;

/**
 * Sends a text message to a phone: the port a ward plugs its SMS provider into (ADR 16).
 * None is bundled: without a bean of this type, the outbox keeps its SMS messages unsent
 * (the demo mailbox shows them), and they go out once a gateway is configured. An
 * implementation throws to say the message was not sent; the outbox then tries again on
 * its next rounds, at most five times in all.
 */
public interface SmsGateway {

	/**
	 * Sends the text to the phone number as written by the applicant or the administrator
	 * (e.g. {@code 0912345678}); normalising it to the provider's format (e.g.
	 * {@code 84912345678}) and folding the text to what the provider accepts are the
	 * gateway's business.
	 */
	void send(String phone, String text);

}
