package org.countersign.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFileTest {

  @Test
  void readIsEmptyWhenTheFileIsAbsent(@TempDir Path dir) {
    assertEquals(Optional.empty(), new KeyFile(dir.resolve("countersign.key")).read());
  }

  @Test
  void createWritesAKeyThatReadsBack(@TempDir Path dir) {
    KeyFile file = new KeyFile(dir.resolve("countersign.key"));
    byte[] key = file.create(new SecureRandom());
    assertEquals(32, key.length);
    assertArrayEquals(key, file.read().orElseThrow());
    assertArrayEquals(key, new KeyFile(dir.resolve("countersign.key")).read().orElseThrow());
  }

  @Test
  void createWritesBase64OnOneLine(@TempDir Path dir) throws IOException {
    Path path = dir.resolve("countersign.key");
    byte[] key = new KeyFile(path).create(new SecureRandom());
    assertEquals(Base64.getEncoder().encodeToString(key) + "\n", Files.readString(path));
  }

  @Test
  void createMakesMissingParentDirectories(@TempDir Path dir) {
    KeyFile file = new KeyFile(dir.resolve("data").resolve("keys").resolve("countersign.key"));
    byte[] key = file.create(new SecureRandom());
    assertArrayEquals(key, file.read().orElseThrow());
  }

  @Test
  void createMakesTheFileReadableByTheOwnerOnly(@TempDir Path dir) throws IOException {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    Path path = dir.resolve("countersign.key");
    new KeyFile(path).create(new SecureRandom());
    assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(path));
  }

  @Test
  void createGivesADifferentKeyEachTime(@TempDir Path dir) {
    byte[] first = new KeyFile(dir.resolve("a.key")).create(new SecureRandom());
    byte[] second = new KeyFile(dir.resolve("b.key")).create(new SecureRandom());
    assertFalse(java.util.Arrays.equals(first, second));
  }

  @Test
  void createFailsWhenTheFileExists(@TempDir Path dir) {
    KeyFile file = new KeyFile(dir.resolve("countersign.key"));
    byte[] key = file.create(new SecureRandom());
    KeyException e = assertThrows(KeyException.class, () -> file.create(new SecureRandom()));
    assertTrue(e.getMessage().contains(file.path().toString()), e.getMessage());
    assertArrayEquals(key, file.read().orElseThrow());
  }

  @Test
  void createNeverOverwritesAnExistingFile(@TempDir Path dir) throws IOException {
    Path path = dir.resolve("countersign.key");
    Files.writeString(path, "precious");
    assertThrows(KeyException.class, () -> new KeyFile(path).create(new SecureRandom()));
    assertEquals("precious", Files.readString(path));
  }

  @Test
  void readRejectsAKeyOfTheWrongLengthNamingThePath(@TempDir Path dir) throws IOException {
    Path path = dir.resolve("countersign.key");
    Files.writeString(path, Base64.getEncoder().encodeToString(new byte[31]) + "\n");
    KeyException e = assertThrows(KeyException.class, () -> new KeyFile(path).read());
    assertTrue(e.getMessage().contains(path.toString()), e.getMessage());
  }

  @Test
  void readRejectsATooLongKeyNamingThePath(@TempDir Path dir) throws IOException {
    Path path = dir.resolve("countersign.key");
    Files.writeString(path, Base64.getEncoder().encodeToString(new byte[33]));
    KeyException e = assertThrows(KeyException.class, () -> new KeyFile(path).read());
    assertTrue(e.getMessage().contains(path.toString()), e.getMessage());
  }

  @Test
  void readRejectsAnEmptyFileNamingThePath(@TempDir Path dir) throws IOException {
    Path path = dir.resolve("countersign.key");
    Files.writeString(path, "");
    KeyException e = assertThrows(KeyException.class, () -> new KeyFile(path).read());
    assertTrue(e.getMessage().contains(path.toString()), e.getMessage());
  }

  @Test
  void readRejectsNonBase64NamingThePath(@TempDir Path dir) throws IOException {
    Path path = dir.resolve("countersign.key");
    Files.writeString(path, "this is not base64 at all!\n");
    KeyException e = assertThrows(KeyException.class, () -> new KeyFile(path).read());
    assertTrue(e.getMessage().contains(path.toString()), e.getMessage());
  }

  @Test
  void readToleratesSurroundingWhitespace(@TempDir Path dir) throws IOException {
    Path path = dir.resolve("countersign.key");
    byte[] key = new byte[32];
    key[0] = 1;
    key[31] = 2;
    Files.writeString(path, "  " + Base64.getEncoder().encodeToString(key) + "\r\n\n");
    assertArrayEquals(key, new KeyFile(path).read().orElseThrow());
  }

  @Test
  void readReportsADirectoryInPlaceOfTheFileNamingThePath(@TempDir Path dir) throws IOException {
    Path path = Files.createDirectory(dir.resolve("countersign.key"));
    KeyException e = assertThrows(KeyException.class, () -> new KeyFile(path).read());
    assertTrue(e.getMessage().contains(path.toString()), e.getMessage());
  }

  @Test
  void errorMessagesNeverContainTheKeyMaterial(@TempDir Path dir) throws IOException {
    Path path = dir.resolve("countersign.key");
    String content = Base64.getEncoder().encodeToString(new byte[] {9, 8, 7, 6, 5, 4, 3, 2, 1});
    Files.writeString(path, content);
    KeyException e = assertThrows(KeyException.class, () -> new KeyFile(path).read());
    assertFalse(e.getMessage().contains(content), e.getMessage());
  }
}
