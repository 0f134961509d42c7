package org.countersign.audit.cli;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.countersign.audit.ChainRow;
import org.countersign.audit.ChainSegment;
import org.countersign.audit.ChainSource;

/** The chain read straight from the database over JDBC, for the check without a server. */
final class JdbcChainSource implements ChainSource {

  private final Connection db;

  JdbcChainSource(Connection db) {
    this.db = db;
  }

  @Override
  public List<ChainSegment> segments() {
    List<ChainSegment> out = new ArrayList<>();
    try (PreparedStatement s =
            db.prepareStatement(
                "SELECT id, node, started_utc, previous_id, seal, legacy_max_id, purged_seq,"
                    + " purged_hash, purge_seal, checkpoint_seq, checkpoint_hash, checkpoint_seal"
                    + " FROM cs_audit_segment ORDER BY id");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        out.add(
            new ChainSegment(
                rs.getLong(1),
                rs.getString(2),
                rs.getObject(3, LocalDateTime.class),
                rs.getLong(4),
                rs.getString(5),
                rs.getLong(6),
                rs.getLong(7),
                rs.getString(8),
                rs.getString(9),
                rs.getLong(10),
                rs.getString(11),
                rs.getString(12)));
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  @Override
  public List<ChainRow> rows(long segment, long afterSeq, int limit) {
    List<ChainRow> out = new ArrayList<>();
    try (PreparedStatement s =
        db.prepareStatement(
            "SELECT id, segment_id, seq, chain_hash, at_utc, action, username, realm, serial,"
                + " token_type, success, result, client, acting_user, info FROM cs_audit"
                + " WHERE segment_id = ? AND seq > ? ORDER BY seq FETCH FIRST ? ROWS ONLY")) {
      s.setLong(1, segment);
      s.setLong(2, afterSeq);
      s.setInt(3, limit);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(
              new ChainRow(
                  rs.getLong(1),
                  rs.getObject(2, Long.class),
                  rs.getObject(3, Long.class),
                  rs.getString(4),
                  rs.getObject(5, LocalDateTime.class),
                  rs.getString(6),
                  rs.getString(7),
                  rs.getString(8),
                  rs.getString(9),
                  rs.getString(10),
                  rs.getBoolean(11),
                  rs.getString(12),
                  rs.getString(13),
                  rs.getString(14),
                  rs.getString(15)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  @Override
  public long unchained(long legacyMaxId) {
    return single("SELECT COUNT(*) FROM cs_audit WHERE segment_id IS NULL AND id <= ?", legacyMaxId)
        .orElse(0);
  }

  @Override
  public OptionalLong firstStray(long legacyMaxId) {
    return single(
        "SELECT MIN(id) FROM cs_audit a WHERE (a.segment_id IS NULL AND a.id > ?)"
            + " OR (a.segment_id IS NOT NULL AND NOT EXISTS"
            + " (SELECT 1 FROM cs_audit_segment s WHERE s.id = a.segment_id))",
        legacyMaxId);
  }

  private OptionalLong single(String sql, long arg) {
    try (PreparedStatement s = db.prepareStatement(sql)) {
      s.setLong(1, arg);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        long v = rs.getLong(1);
        return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(v);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }
}
