package org.countersign.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.countersign.error.DomainException;
import org.countersign.error.Reason;

/**
 * Refuses bodies larger than {@link #MAX_BODY_BYTES} before anything reads them: by the declared
 * length at once, and for chunked bodies while they are read.
 */
@Provider
@PreMatching
public class RequestLimitFilter implements ContainerRequestFilter {

  public static final int MAX_BODY_BYTES = 64 * 1024;

  @Override
  public void filter(ContainerRequestContext request) {
    String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
    if (length != null) {
      try {
        if (Long.parseLong(length.strip()) > MAX_BODY_BYTES) {
          throw tooLarge();
        }
      } catch (NumberFormatException e) {
        throw new DomainException(Reason.PARAMETER, "Malformed Content-Length");
      }
    }
    request.setEntityStream(new Bounded(request.getEntityStream()));
  }

  static DomainException tooLarge() {
    return new DomainException(
        Reason.TOO_LARGE, "Request body larger than " + MAX_BODY_BYTES + " bytes");
  }

  private static final class Bounded extends FilterInputStream {
    private long remaining = MAX_BODY_BYTES;

    Bounded(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0 && --remaining < 0) {
        throw tooLarge();
      }
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      if (n > 0 && (remaining -= n) < 0) {
        throw tooLarge();
      }
      return n;
    }
  }
}
