package org.countersign.api;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.HexFormat;
import org.countersign.json.Jsonp;
import org.countersign.qr.QrCodes;
import org.countersign.token.Enrolment;
import org.countersign.token.RolloutState;
import org.countersign.token.spi.Provisioning;

/**
 * The {@code detail} of a {@code /token/init} answer as privacyIDEA writes it: the provisioning
 * entries ({@code googleurl} and {@code otpkey}, or an app's enrolment URL such as {@code
 * tiqrenroll}), each with a QR code, then {@code serial}, {@code rollout_state} and, for a token
 * waiting for its first code, {@code verify}.
 */
final class EnrolmentJson {

  private EnrolmentJson() {}

  static JsonObject of(Enrolment enrolment) {
    JsonObjectBuilder detail = Jsonp.createObjectBuilder();
    enrolment.provisioning().ifPresent(p -> addProvisioning(detail, p));
    detail
        .add("serial", enrolment.serial())
        .add("rollout_state", enrolment.rolloutState().apiName());
    if (enrolment.waitsForFirstCode()) {
      detail.add(
          "verify",
          Jsonp.createObjectBuilder()
              .add("message", "Please enter a valid OTP value of the new token."));
    }
    return detail.build();
  }

  /** The answer to a confirmed first code. */
  static JsonObject confirmed(String serial) {
    return Jsonp.createObjectBuilder()
        .add("serial", serial)
        .add("rollout_state", RolloutState.DONE.apiName())
        .build();
  }

  private static void addProvisioning(JsonObjectBuilder detail, Provisioning provisioning) {
    if (provisioning instanceof Provisioning.OtpAuth otp) {
      try {
        String seedUri = "seed://" + HexFormat.of().formatHex(otp.secret());
        detail
            .add("googleurl", entry("URL for google Authenticator", otp.uri()))
            .add(
                "otpkey",
                Jsonp.createObjectBuilder()
                    .add("description", "OTP seed")
                    .add("value", seedUri)
                    .add("value_b32", otp.secretBase32())
                    .add("img", QrCodes.pngDataUri(seedUri)));
      } finally {
        otp.clear();
      }
    } else if (provisioning instanceof Provisioning.AppEnrolment app) {
      detail.add(app.name(), entry(app.description(), app.url()));
    } else if (provisioning instanceof Provisioning.Registration registration) {
      detail
          .add("transaction_id", registration.transactionId())
          .add(registration.name(), registration.options());
    }
  }

  private static JsonObjectBuilder entry(String description, String value) {
    return Jsonp.createObjectBuilder()
        .add("description", description)
        .add("value", value)
        .add("img", QrCodes.pngDataUri(value));
  }
}
