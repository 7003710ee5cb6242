package vn.motcua.forms;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import vn.motcua.dossier.AdditionsRequested;
import vn.motcua.dossier.DossierApologized;
import vn.motcua.dossier.DossierReceived;
import vn.motcua.dossier.DossierStatusChanged;
import vn.motcua.dossier.IntakeSlipRecorded;
import vn.motcua.dossier.OnlineDossierRefused;
import vn.motcua.dossier.ResultReturned;
import vn.motcua.dossier.ReturnChannel;
import vn.motcua.dossier.SupplementRequested;
import vn.motcua.dossier.core.DossierAction;
import vn.motcua.dossier.core.DossierStatus;
import vn.motcua.payment.Payment;
import vn.motcua.payment.PaymentConfirmed;
import vn.motcua.payment.Payments;
import vn.motcua.shared.Database;

/**
 * Each standard form made when its event happens (ADR 33): the receipt at intake, Form 02
 * at a supplement request or the guidance of an intake, Form 03 at a refusal at intake,
 * Form 04 at an apology, Form 05 at a stop, Form 06 when the dossier ends, the e-receipt
 * when a fee is paid. Each listener runs after the dossier's transaction commits, in a
 * transaction of its own, and the event publication registry delivers the event again
 * until one succeeds (ADR 9); each document is kept under the key of its event, so a
 * redelivered event keeps one.
 */
@Component
class FormEvents {

	private final IssuedDocuments documents;

	private final ResultDocuments results;

	private final Database database;

	private final Payments payments;

	FormEvents(IssuedDocuments documents, ResultDocuments results, Database database, Payments payments) {
		this.payments = payments;
		this.results = results;
		this.documents = documents;
		this.database = database;
	}

	@ApplicationModuleListener
	void on(DossierReceived event) {
		this.database.commitWithoutWaitingForDisk();
		this.documents.issueReceipt(event.code());
	}

	@ApplicationModuleListener
	void on(SupplementRequested event) {
		this.database.commitWithoutWaitingForDisk();
		this.documents.issueSupplementRequest(event.code(), event.number(), event.request(), event.at());
	}

	@ApplicationModuleListener
	void on(AdditionsRequested event) {
		this.database.commitWithoutWaitingForDisk();
		this.documents.issueGuidance(event.code(), event.whatToAdd(), event.at());
	}

	@ApplicationModuleListener
	void on(OnlineDossierRefused event) {
		this.database.commitWithoutWaitingForDisk();
		this.documents.issueOnlineRefusal(event.code(), event.reasons(), event.at());
	}

	@ApplicationModuleListener
	void on(IntakeSlipRecorded event) {
		this.database.commitWithoutWaitingForDisk();
		this.documents.issueSlip(event.id());
	}

	@ApplicationModuleListener
	void on(DossierApologized event) {
		this.database.commitWithoutWaitingForDisk();
		this.documents.issueApology(event.code(), event.reason(), event.previousDueAt(), event.newDueAt(), event.at());
	}

	@ApplicationModuleListener
	void on(DossierStatusChanged event) {
		this.database.commitWithoutWaitingForDisk();
		if (event.to() == DossierStatus.STOPPED) {
			this.documents.issueStopNotice(event.code(), event.at(), event.actor());
		}
		if (event.action() == DossierAction.RECORD_RESULT || event.action() == DossierAction.RETURN_RESULT) {
			this.results.resultIsTheApplicants(event.code());
			this.results.resultDigitized(event.code());
		}
		// the dossier ends: returned, refused, stopped or withdrawn (an online submission
		// refused at the check was never received and has no control slip)
		if (!event.to().isOpen() && event.to() != DossierStatus.REFUSED_AT_INTAKE) {
			this.documents.issueControlSlip(event.code(), event.at());
		}
	}

	@ApplicationModuleListener
	void on(ResultReturned event) {
		if (event.channel() == ReturnChannel.ELECTRONIC) {
			this.database.commitWithoutWaitingForDisk();
			this.results.resultToTheApplicantsStore(event.code(), event.applicantIdNumber());
		}
	}

	/**
	 * The e-receipt of a payment (ADR 38), once per payment: with the gateway's
	 * transaction number (online) or the counter's receipt number, as the order holds
	 * them.
	 */
	@ApplicationModuleListener
	void on(PaymentConfirmed event) {
		this.database.commitWithoutWaitingForDisk();
		Payment p = this.payments.find(event.reference()).orElse(null);
		this.documents.issueEReceipt(event.paymentId(),
				new FormPdfs.ReceiptData(event.reference(), null, null, event.dossierCode(), null, java.util.List.of(),
						event.amount(), event.method().name(), p == null ? null : p.gateway(),
						p == null ? null : p.gatewayTransactionNo(), p == null ? null : p.receiptNumber(),
						event.paidAt(), p == null ? null : p.recordedBy()));
	}

}
