package vn.motcua.signing;

/**
 * Whose key signs: an officer's own (PKCS#12 per officer) or a unit's seal (PKCS#12 per
 * unit), both kept in the server's keystore directory ({@code motcua.signing.keys-dir}).
 */
public sealed interface Signer {

	/** An officer's key, by their user name (e.g. {@code quangcu.lanhdao}). */
	static Signer officer(String username) {
		return new Officer(username);
	}

	/** A unit's seal, by the unit's e-identifier code (e.g. {@code H56.15.40}). */
	static Signer unitSeal(String unitCode) {
		return new UnitSeal(unitCode);
	}

	/** The key's file name in its folder: the name or code itself, checked. */
	String name();

	/** An officer's key: {@code <keys-dir>/officers/<username>.p12}. */
	record Officer(String username) implements Signer {

		public Officer {
			KeyDirectory.checkName(username);
		}

		@Override
		public String name() {
			return this.username;
		}

	}

	/** A unit's seal: {@code <keys-dir>/units/<unit code>.p12}. */
	record UnitSeal(String unitCode) implements Signer {

		public UnitSeal {
			KeyDirectory.checkName(unitCode);
		}

		@Override
		public String name() {
			return this.unitCode;
		}

	}

}
