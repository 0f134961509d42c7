package org.countersign.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keyed hashes of the audit chain (HMAC-SHA256, 64 hex digits) under the chain's own key,
 * derived from the key file: a row's link over its content and the previous link, and the seals of
 * a segment, of a purge floor and of a checkpoint. Pure; each value is encoded with its length, so
 * no two different rows give the same input.
 */
public final class ChainMac {

  private final ThreadLocal<Mac> macs;

  public ChainMac(byte[] key) {
    SecretKeySpec spec = new SecretKeySpec(key.clone(), "HmacSHA256");
    this.macs =
        ThreadLocal.withInitial(
            () -> {
              try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(spec);
                return mac;
              } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is not available", e);
              }
            });
  }

  /** Times are stored with microseconds (H2 and PostgreSQL alike), so links cover no more. */
  public static LocalDateTime storable(LocalDateTime at) {
    return at.truncatedTo(ChronoUnit.MICROS);
  }

  public String link(String previous, ChainRow r) {
    return mac(
        "row",
        Long.toString(r.id()),
        String.valueOf(r.segment()),
        String.valueOf(r.seq()),
        r.at() == null ? null : storable(r.at()).toString(),
        r.action(),
        r.username(),
        r.realm(),
        r.serial(),
        r.tokenType(),
        r.success() ? "1" : "0",
        r.result(),
        r.client(),
        r.actor(),
        r.info(),
        previous);
  }

  public String segmentSeal(long id, String node, LocalDateTime started, long previous) {
    return mac(
        "segment", Long.toString(id), node, storable(started).toString(), Long.toString(previous));
  }

  public String legacySeal(long legacyMaxId) {
    return mac("legacy", Long.toString(legacyMaxId));
  }

  public String purgeSeal(long segment, long seq, String hash) {
    return mac("purge", Long.toString(segment), Long.toString(seq), hash);
  }

  public String checkpointSeal(long segment, long seq, String hash) {
    return mac("checkpoint", Long.toString(segment), Long.toString(seq), hash);
  }

  /** Constant-time comparison of two hex links; a missing one never matches. */
  public static boolean same(String a, String b) {
    return a != null
        && b != null
        && MessageDigest.isEqual(
            a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
  }

  private String mac(String... parts) {
    Mac mac = macs.get();
    for (String part : parts) {
      if (part == null) {
        mac.update((byte) 'n');
      } else {
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        mac.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        mac.update(bytes);
      }
      mac.update((byte) '|');
    }
    return HexFormat.of().formatHex(mac.doFinal());
  }
}
