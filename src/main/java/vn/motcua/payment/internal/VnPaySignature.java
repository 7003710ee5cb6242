package vn.motcua.payment.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * VNPay 2.1.0's signature, as its Java sample makes it: the {@code vnp_*} fields with a
 * value, sorted by name, names and values URL-encoded (form encoding over US-ASCII, so a
 * letter outside ASCII becomes {@code %3F}), joined with {@code &} and {@code =};
 * HMAC-SHA512 of that with the merchant's hash secret, in hexadecimal. The same text is
 * the redirect's query string. The querydr API signs its fields joined with {@code |}.
 */
public final class VnPaySignature {

	public static final String SECURE_HASH = "vnp_SecureHash";

	public static final String SECURE_HASH_TYPE = "vnp_SecureHashType";

	private VnPaySignature() {
	}

	/**
	 * The signed data (also the query string): the fields with a value, except the hash
	 * fields, sorted by name and encoded.
	 */
	public static String data(Map<String, String> fields) {
		StringBuilder data = new StringBuilder();
		for (Map.Entry<String, String> e : new TreeMap<>(fields).entrySet()) {
			String name = e.getKey();
			if (name.equals(SECURE_HASH) || name.equals(SECURE_HASH_TYPE) || !name.startsWith("vnp_")
					|| e.getValue() == null || e.getValue().isEmpty()) {
				continue;
			}
			if (!data.isEmpty()) {
				data.append('&');
			}
			data.append(encode(name)).append('=').append(encode(e.getValue()));
		}
		return data.toString();
	}

	/** The fields' signature: HMAC-SHA512 of {@link #data}, lower-case hexadecimal. */
	public static String sign(Map<String, String> fields, String secret) {
		return hmac(data(fields), secret);
	}

	/** The signed query string: {@link #data} with {@code vnp_SecureHash} appended. */
	public static String query(Map<String, String> fields, String secret) {
		String data = data(fields);
		return data + "&" + SECURE_HASH + "=" + hmac(data, secret);
	}

	/**
	 * Whether the fields carry the signature of their other fields, compared in constant
	 * time (case of the hexadecimal digits aside).
	 */
	public static boolean verify(Map<String, String> fields, String secret) {
		String given = fields.get(SECURE_HASH);
		if (given == null || given.isEmpty()) {
			return false;
		}
		return equal(hmac(data(fields), secret), given.toLowerCase(Locale.ROOT));
	}

	/** Two hexadecimal signatures compared in constant time. */
	public static boolean equal(String expected, String given) {
		return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
				given.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
	}

	/** HMAC-SHA512 of the text (UTF-8) with the secret, lower-case hexadecimal. */
	public static String hmac(String text, String secret) {
		try {
			Mac mac = Mac.getInstance("HmacSHA512");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA512"));
			return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA512 is not available", ex);
		}
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.US_ASCII);
	}

}
