package vn.motcua.payment;

/** How a fee was paid. */
public enum PaymentMethod {

	/** Through a payment gateway, by the payer. */
	ONLINE,
	/** In cash at the counter, recorded by the finance officer. */
	CASH,
	/** By bank transfer to the unit's account, recorded by the finance officer. */
	TRANSFER

}
