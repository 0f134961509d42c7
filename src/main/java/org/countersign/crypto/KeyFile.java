package org.countersign.crypto;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The master key file in the data directory: 32 random bytes, Base64 on one line, readable by the
 * owner only. Created once; never rewritten, since every secret at rest depends on it.
 */
public final class KeyFile {

  static final int KEY_BYTES = 32;
  private final Path path;

  public KeyFile(Path path) {
    this.path = path;
  }

  public Path path() {
    return path;
  }

  /** The key, or empty when the file does not exist. */
  public Optional<byte[]> read() {
    if (!Files.exists(path)) {
      return Optional.empty();
    }
    try {
      byte[] key = Base64.getDecoder().decode(Files.readString(path).strip());
      if (key.length != KEY_BYTES) {
        throw new KeyException(
            "Key file " + path + " is damaged: it must hold " + KEY_BYTES + " bytes.");
      }
      return Optional.of(key);
    } catch (IOException | IllegalArgumentException e) {
      throw new KeyException(
          "Key file " + path + " cannot be read: " + e.getClass().getSimpleName() + ".");
    }
  }

  /**
   * Creates the file with a fresh random key and owner-only permissions; fails if it already
   * exists.
   */
  public byte[] create(SecureRandom random) {
    byte[] key = new byte[KEY_BYTES];
    random.nextBytes(key);
    try {
      Files.createDirectories(path.toAbsolutePath().getParent());
      try {
        Files.createFile(
            path,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException notPosix) {
        Files.createFile(path);
      }
      Files.writeString(path, Base64.getEncoder().encodeToString(key) + "\n");
      return key;
    } catch (FileAlreadyExistsException e) {
      throw new KeyException(
          "Key file " + path + " appeared while it was being created; start again.");
    } catch (IOException e) {
      throw new KeyException("Key file " + path + " cannot be created: " + e.getMessage());
    }
  }
}
