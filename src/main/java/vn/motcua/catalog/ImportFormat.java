package vn.motcua.catalog;

import java.util.Locale;
import java.util.Optional;

/** The file formats of catalog import and export. */
public enum ImportFormat {

	JSON("application/json", "json"), CSV("text/csv", "csv");

	private final String mediaType;

	private final String extension;

	ImportFormat(String mediaType, String extension) {
		this.mediaType = mediaType;
		this.extension = extension;
	}

	public String mediaType() {
		return this.mediaType;
	}

	public String extension() {
		return this.extension;
	}

	/**
	 * The format of a file name (".json", ".csv") or a media type, if it is one of these.
	 */
	public static Optional<ImportFormat> detect(String nameOrType) {
		if (nameOrType == null) {
			return Optional.empty();
		}
		String s = nameOrType.toLowerCase(Locale.ROOT);
		for (ImportFormat f : values()) {
			if (s.endsWith("." + f.extension) || s.startsWith(f.mediaType) || s.equals(f.extension)) {
				return Optional.of(f);
			}
		}
		return Optional.empty();
	}

}
