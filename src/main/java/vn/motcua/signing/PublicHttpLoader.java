package vn.motcua.signing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import eu.europa.esig.dss.model.DSSException;
import eu.europa.esig.dss.spi.client.http.DataLoader;

/**
 * What DSS fetches while checking a signature anyone may upload (certificate issuers,
 * revocation lists, OCSP answers): the addresses come from the uploaded PDF's
 * certificates, so only {@code http} and {@code https} to public addresses are fetched
 * (never a loopback, private, link-local or multicast address, never a file), redirects
 * are not followed, and each answer is bounded in time (5 s) and size (1 MB).
 */
class PublicHttpLoader implements DataLoader {

	static final int MAX_BYTES = 1024 * 1024;

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final transient HttpClient client = HttpClient.newBuilder()
		.connectTimeout(TIMEOUT)
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private String contentType;

	@Override
	public byte[] get(String url) {
		return send(HttpRequest.newBuilder(checked(url)).GET());
	}

	@Override
	public DataAndUrl get(List<String> urls) {
		DSSException last = new DSSException("no address to fetch");
		for (String url : urls) {
			try {
				return new DataAndUrl(url, get(url));
			}
			catch (DSSException ex) {
				last = ex;
			}
		}
		throw last;
	}

	@Override
	public byte[] post(String url, byte[] content) {
		HttpRequest.Builder request = HttpRequest.newBuilder(checked(url))
			.POST(HttpRequest.BodyPublishers.ofByteArray(content));
		if (this.contentType != null) {
			request.header("Content-Type", this.contentType);
		}
		return send(request);
	}

	@Override
	public void setContentType(String contentType) {
		this.contentType = contentType;
	}

	private byte[] send(HttpRequest.Builder request) {
		try {
			HttpResponse<InputStream> response = this.client.send(request.timeout(TIMEOUT).build(),
					HttpResponse.BodyHandlers.ofInputStream());
			try (InputStream body = response.body()) {
				if (response.statusCode() != 200) {
					throw new DSSException("answered " + response.statusCode());
				}
				byte[] bytes = body.readNBytes(MAX_BYTES + 1);
				if (bytes.length > MAX_BYTES) {
					throw new DSSException("answer larger than " + MAX_BYTES + " bytes");
				}
				return bytes;
			}
		}
		catch (IOException ex) {
			throw new DSSException("could not fetch", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DSSException("interrupted", ex);
		}
	}

	/**
	 * The address, if it is http(s) to a host whose every address is public.
	 * @throws DSSException otherwise
	 */
	static URI checked(String url) {
		URI uri;
		try {
			uri = URI.create(url);
		}
		catch (IllegalArgumentException ex) {
			throw new DSSException("not an address");
		}
		if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
				|| uri.getHost() == null) {
			throw new DSSException("only http and https addresses are fetched");
		}
		try {
			for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
				if (!isPublic(address)) {
					throw new DSSException("not a public address");
				}
			}
		}
		catch (UnknownHostException ex) {
			throw new DSSException("unknown host");
		}
		return uri;
	}

	static boolean isPublic(InetAddress address) {
		byte[] b = address.getAddress();
		boolean uniqueLocalV6 = b.length == 16 && (b[0] & 0xfe) == 0xfc;
		boolean sharedV4 = b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
		return !(address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
				|| address.isAnyLocalAddress() || address.isMulticastAddress() || uniqueLocalV6 || sharedV4);
	}

}
