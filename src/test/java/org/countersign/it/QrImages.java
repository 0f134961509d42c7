package org.countersign.it;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Reads a QR code back from a {@code data:image/png;base64,…} URI. The image is a clean,
 * computer-drawn code, so it is read as a pure barcode first: ZXing's general detector, meant for
 * camera frames, misses the finder patterns of about one in twenty of these images, which would
 * make the tests flaky without telling anything.
 */
public final class QrImages {

  public static final String PNG_PREFIX = "data:image/png;base64,";

  private QrImages() {}

  public static String decode(String dataUri) {
    if (!dataUri.startsWith(PNG_PREFIX)) {
      throw new IllegalArgumentException(
          "not a PNG data URI: " + dataUri.substring(0, Math.min(40, dataUri.length())));
    }
    byte[] png = Base64.getDecoder().decode(dataUri.substring(PNG_PREFIX.length()));
    try {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
      if (image == null) {
        throw new IllegalArgumentException("not a readable PNG image");
      }
      BinaryBitmap bitmap =
          new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
      try {
        return new MultiFormatReader()
            .decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, true))
            .getText();
      } catch (NotFoundException notPure) {
        return new MultiFormatReader()
            .decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, true))
            .getText();
      }
    } catch (IOException | NotFoundException e) {
      throw new IllegalArgumentException("no QR code found in the image", e);
    }
  }
}
