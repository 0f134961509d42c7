package org.countersign.directory;

import com.unboundid.ldap.sdk.SearchResultEntry;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The stable id of a directory entry, as UIDTYPE says: the DN, a text attribute such as {@code
 * entryUUID}, or Active Directory's binary {@code objectGUID}, written as a GUID string the way
 * Windows shows it (the first three groups little-endian).
 */
final class Uids {

  private static final Pattern GUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final int[] ORDER = {3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15};

  private Uids() {}

  static Optional<String> of(LdapConfig config, SearchResultEntry e) {
    String type = config.uidType();
    if (type.equals(LdapConfig.DN)) {
      return Optional.of(e.getDN());
    }
    if (type.equalsIgnoreCase(LdapConfig.OBJECT_GUID)) {
      byte[] raw = e.getAttributeValueBytes(type);
      return raw == null || raw.length != 16 ? Optional.empty() : Optional.of(guid(raw));
    }
    return Optional.ofNullable(e.getAttributeValue(type));
  }

  static String guid(byte[] raw) {
    StringBuilder hex = new StringBuilder(36);
    HexFormat h = HexFormat.of();
    for (int i = 0; i < 16; i++) {
      if (i == 4 || i == 6 || i == 8 || i == 10) {
        hex.append('-');
      }
      hex.append(h.toHexDigits(raw[ORDER[i]]));
    }
    return hex.toString();
  }

  static Optional<byte[]> guidBytes(String guid) {
    if (!GUID.matcher(guid).matches()) {
      return Optional.empty();
    }
    byte[] ordered = HexFormat.of().parseHex(guid.replace("-", ""));
    byte[] raw = new byte[16];
    for (int i = 0; i < 16; i++) {
      raw[ORDER[i]] = ordered[i];
    }
    return Optional.of(raw);
  }
}
