package vn.motcua.payment.internal;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** VNPay 2.1.0's signature as its Java sample makes it. */
class VnPaySignatureTest {

	private static final String SECRET = "SECRETSECRETSECRETSECRETSECRET12";

	private static Map<String, String> fields() {
		Map<String, String> f = new HashMap<>();
		f.put("vnp_Version", "2.1.0");
		f.put("vnp_Command", "pay");
		f.put("vnp_TmnCode", "MOTCUA01");
		f.put("vnp_Amount", "1500000");
		f.put("vnp_CurrCode", "VND");
		f.put("vnp_TxnRef", "MC250304ABCDEFGH");
		f.put("vnp_OrderInfo", "Thanh toan phi ho so H56.15.40-250304-0001");
		f.put("vnp_ReturnUrl", "http://localhost:8080/thanh-toan/vnpay/ket-qua");
		return f;
	}

	@Test
	void theDataIsTheFieldsSortedByNameAndFormEncoded() {
		assertThat(VnPaySignature.data(fields())).isEqualTo("vnp_Amount=1500000&vnp_Command=pay&vnp_CurrCode=VND"
				+ "&vnp_OrderInfo=Thanh+toan+phi+ho+so+H56.15.40-250304-0001"
				+ "&vnp_ReturnUrl=http%3A%2F%2Flocalhost%3A8080%2Fthanh-toan%2Fvnpay%2Fket-qua"
				+ "&vnp_TmnCode=MOTCUA01&vnp_TxnRef=MC250304ABCDEFGH&vnp_Version=2.1.0");
	}

	@Test
	void emptyValuesAndTheHashFieldsAreLeftOut() {
		Map<String, String> f = fields();
		f.put("vnp_BankCode", "");
		f.put("vnp_SecureHashType", "HmacSHA512");
		f.put("vnp_SecureHash", "abc");
		assertThat(VnPaySignature.data(f)).isEqualTo(VnPaySignature.data(fields()));
	}

	@Test
	void aLetterOutsideAsciiIsEncodedAsTheSampleDoes() {
		Map<String, String> f = Map.of("vnp_OrderInfo", "Phí hồ sơ");
		assertThat(VnPaySignature.data(f)).isEqualTo("vnp_OrderInfo=Ph%3F+h%3F+s%3F");
	}

	@Test
	void theSignatureIsHmacSha512OfTheData() {
		// computed apart: Python's hmac.new(secret, data, hashlib.sha512).hexdigest()
		String data = VnPaySignature.data(fields());
		assertThat(VnPaySignature.sign(fields(), SECRET))
			.isEqualTo("d259d1a59bf238b54d91a9d224d481a6c015f0141a12e75698024e1a077a1c4c"
					+ "02ae980506cc23cdceaa85634ba25a47bdfb1346e560a8a40537f0fd56ba5eac");
		assertThat(VnPaySignature.query(fields(), SECRET))
			.isEqualTo(data + "&vnp_SecureHash=" + VnPaySignature.sign(fields(), SECRET));
	}

	@Test
	void signedFieldsVerifyAndAnyChangeFails() {
		Map<String, String> f = fields();
		f.put("vnp_SecureHash", VnPaySignature.sign(f, SECRET).toUpperCase());
		f.put("vnp_SecureHashType", "HmacSHA512");
		assertThat(VnPaySignature.verify(f, SECRET)).isTrue();
		Map<String, String> tampered = new HashMap<>(f);
		tampered.put("vnp_Amount", "100");
		assertThat(VnPaySignature.verify(tampered, SECRET)).isFalse();
		assertThat(VnPaySignature.verify(f, SECRET + "x")).isFalse();
		Map<String, String> unsigned = new HashMap<>(fields());
		assertThat(VnPaySignature.verify(unsigned, SECRET)).isFalse();
		unsigned.put("vnp_SecureHash", "");
		assertThat(VnPaySignature.verify(unsigned, SECRET)).isFalse();
	}

}
