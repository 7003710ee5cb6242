package vn.motcua.payment;

/**
 * The answer to a gateway's server-to-server callback, in its protocol's words (VNPay:
 * {@code {"RspCode":"00","Message":"Confirm Success"}}).
 */
public record IpnAnswer(String rspCode, String message) {

}
