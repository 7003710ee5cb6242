package vn.motcua.dossier;

/**
 * Who submits the dossier (người nộp hồ sơ): personal data, shown only to who may see the
 * dossier.
 */
public record Applicant(String name, String idNumber, String phone, String email, String address) {
}
