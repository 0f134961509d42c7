package org.countersign.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * QR codes as PNG data URIs, as the privacyIDEA API returns them in {@code img} fields.
 *
 * <pre>{@code
 * String img = QrCodes.pngDataUri("otpauth://totp/...");   // "data:image/png;base64,iVBOR..."
 * }</pre>
 */
public final class QrCodes {

  private static final int SIZE = 300;
  private static final Map<EncodeHintType, Object> HINTS =
      Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2);

  private QrCodes() {}

  public static String pngDataUri(String text) {
    return "data:image/png;base64," + Base64.getEncoder().encodeToString(png(text));
  }

  public static byte[] png(String text) {
    try {
      BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, SIZE, SIZE, HINTS);
      ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
      ImageIO.write(image(matrix), "PNG", out);
      return out.toByteArray();
    } catch (WriterException | IOException e) {
      throw new IllegalArgumentException("Cannot encode this text as a QR code", e);
    }
  }

  /**
   * The matrix as a one-bit image, written straight into its packed pixel bytes (a set bit is white
   * in the default two-colour palette). Setting 90,000 pixels one by one through the colour model
   * cost most of the time of drawing a code.
   */
  private static BufferedImage image(BitMatrix matrix) {
    int width = matrix.getWidth();
    int height = matrix.getHeight();
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY);
    byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    int stride = (width + 7) / 8;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        if (!matrix.get(x, y)) {
          pixels[y * stride + (x >> 3)] |= (byte) (0x80 >>> (x & 7));
        }
      }
    }
    return image;
  }
}
