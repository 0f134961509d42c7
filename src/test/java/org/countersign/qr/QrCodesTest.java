package org.countersign.qr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QrCodesTest {

  private static final String PREFIX = "data:image/png;base64,";

  private static final String OTPAUTH_URI =
      "otpauth://totp/Example%20Corp:alice%40example.org"
          + "?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Example%20Corp&algorithm=SHA1&digits=6&period=30";

  private static final String TIQR_URL =
      "https://countersign.example.org/tiqr/enrol"
          + "?metadata=https%3A%2F%2Fcountersign.example.org%2Fttype%2Ftiqr%3Faction%3Dmetadata"
          + "%26session%3D3f9a1c5e7b2d4f6a8c0e1b3d5f7a9c1e3b5d7f9a1c3e5b7d9f1a3c5e7b9d1f3a"
          + "%26serial%3DTIQR0001A2B3C4D5%26user%3Dalice.smith%2540example.org%26realm%3Demployees"
          + "&challenge=7a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9"
          + "&version=2&operation=register&issuer=Countersign%20Authentication%20Service";

  private static BufferedImage image(byte[] png) throws IOException {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertNotNull(image, "not a readable PNG");
    return image;
  }

  private static String decode(byte[] png) throws IOException, NotFoundException {
    BinaryBitmap bitmap =
        new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image(png))));
    Result result =
        new MultiFormatReader()
            .decode(
                bitmap,
                Map.of(
                    DecodeHintType.POSSIBLE_FORMATS,
                    List.of(BarcodeFormat.QR_CODE),
                    DecodeHintType.CHARACTER_SET,
                    "UTF-8"));
    assertEquals(BarcodeFormat.QR_CODE, result.getBarcodeFormat());
    return result.getText();
  }

  private static byte[] pngOfDataUri(String dataUri) {
    assertTrue(dataUri.startsWith(PREFIX), dataUri.substring(0, Math.min(40, dataUri.length())));
    return Base64.getDecoder().decode(dataUri.substring(PREFIX.length()));
  }

  @Test
  void pngOfAnOtpauthUriDecodesToTheSameText() throws Exception {
    assertEquals(OTPAUTH_URI, decode(QrCodes.png(OTPAUTH_URI)));
  }

  @Test
  void pngOfALongTiqrUrlDecodesToTheSameText() throws Exception {
    assertTrue(TIQR_URL.length() > 400, "the URL should be long: " + TIQR_URL.length());
    assertEquals(TIQR_URL, decode(QrCodes.png(TIQR_URL)));
  }

  @Test
  void dataUriOfAnOtpauthUriDecodesToTheSameText() throws Exception {
    assertEquals(OTPAUTH_URI, decode(pngOfDataUri(QrCodes.pngDataUri(OTPAUTH_URI))));
  }

  @Test
  void dataUriOfALongTiqrUrlDecodesToTheSameText() throws Exception {
    assertEquals(TIQR_URL, decode(pngOfDataUri(QrCodes.pngDataUri(TIQR_URL))));
  }

  @Test
  void dataUriStartsWithThePngPrefix() {
    assertTrue(QrCodes.pngDataUri(OTPAUTH_URI).startsWith(PREFIX));
  }

  @Test
  void dataUriCarriesThePngBytes() {
    assertArrayEquals(QrCodes.png(OTPAUTH_URI), pngOfDataUri(QrCodes.pngDataUri(OTPAUTH_URI)));
  }

  @Test
  void pngHasThePngSignature() {
    byte[] png = QrCodes.png(OTPAUTH_URI);
    byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    assertArrayEquals(signature, java.util.Arrays.copyOf(png, 8));
  }

  @ParameterizedTest
  @ValueSource(strings = {OTPAUTH_URI, TIQR_URL})
  void imageIsASquareOfAtLeast300Pixels(String text) throws IOException {
    BufferedImage image = image(QrCodes.png(text));
    assertEquals(image.getWidth(), image.getHeight());
    assertTrue(image.getWidth() >= 300, "width " + image.getWidth());
  }

  @Test
  void rejectsTextTooLongForAQrCode() {
    String tooLong = "x".repeat(5000);
    assertThrows(IllegalArgumentException.class, () -> QrCodes.png(tooLong));
  }
}
