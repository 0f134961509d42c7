package org.countersign.policy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A client entry of a policy: an IPv4 or IPv6 address or network ({@code 10.0.0.0/8}, {@code
 * 2001:db8::/32}), excluded when written with a leading {@code !} or {@code -}. Only literal
 * addresses: a host name is refused, so that parsing never waits on DNS.
 */
public record AddressRange(byte[] network, int prefix, boolean excluded, String text) {

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  public static AddressRange parse(String entry) {
    String text = entry.strip();
    boolean excluded = text.startsWith("!") || text.startsWith("-");
    String body = excluded ? text.substring(1).strip() : text;
    int slash = body.indexOf('/');
    String address = slash < 0 ? body : body.substring(0, slash);
    byte[] bytes =
        literal(address)
            .orElseThrow(
                () ->
                    new InvalidPolicy(
                        InvalidPolicy.Part.CLIENT, "Invalid client address: " + entry));
    int bits = bytes.length * 8;
    int prefix = bits;
    if (slash >= 0) {
      try {
        prefix = Integer.parseInt(body.substring(slash + 1));
      } catch (NumberFormatException e) {
        prefix = -1;
      }
      if (prefix < 0 || prefix > bits) {
        throw new InvalidPolicy(InvalidPolicy.Part.CLIENT, "Invalid network prefix: " + entry);
      }
    }
    return new AddressRange(bytes, prefix, excluded, text);
  }

  /** The bytes of a literal IPv4 or IPv6 address, or empty for anything else. */
  public static Optional<byte[]> literal(String address) {
    if (!IPV4.matcher(address).matches() && !IPV6.matcher(address).matches()) {
      return Optional.empty();
    }
    try {
      byte[] bytes = InetAddress.getByName(address).getAddress();
      return Optional.of(bytes);
    } catch (UnknownHostException | SecurityException e) {
      return Optional.empty();
    }
  }

  public boolean contains(byte[] address) {
    if (address.length != network.length) {
      return false;
    }
    int full = prefix / 8;
    for (int i = 0; i < full; i++) {
      if (address[i] != network[i]) {
        return false;
      }
    }
    int rest = prefix % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xFF << (8 - rest)) & 0xFF;
    return (address[full] & mask) == (network[full] & mask);
  }
}
