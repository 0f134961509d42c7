package org.countersign.it;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import javax.imageio.ImageIO;

/** Reads a QR code back from a {@code data:image/png;base64,…} URI, as a phone camera would. */
public final class QrImages {

  public static final String PNG_PREFIX = "data:image/png;base64,";

  private QrImages() {}

  public static String decode(String dataUri) {
    if (!dataUri.startsWith(PNG_PREFIX)) {
      throw new IllegalArgumentException("not a PNG data URI: " + dataUri.substring(0, Math.min(40, dataUri.length())));
    }
    byte[] png = Base64.getDecoder().decode(dataUri.substring(PNG_PREFIX.length()));
    try {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
      if (image == null) {
        throw new IllegalArgumentException("not a readable PNG image");
      }
      BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
      return new MultiFormatReader().decode(bitmap).getText();
    } catch (IOException | NotFoundException e) {
      throw new IllegalArgumentException("no QR code found in the image", e);
    }
  }
}
