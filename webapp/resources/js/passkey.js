/*
 * Passkeys on the pages, without inline script. An element marked data-passkey="create" or "get" carries WebAuthn's
 * options as JSON in data-passkey-options, binary members in base64url. Its data-passkey-go button hands them to
 * navigator.credentials.create or .get; the answer goes into the form's hidden pk-* fields and the button named by
 * data-passkey-submit posts them. A refusal or a cancelled dialogue shows the element named by data-passkey-error.
 */
(function () {
  "use strict";

  function bytes(base64url) {
    var text = base64url.replace(/-/g, "+").replace(/_/g, "/");
    while (text.length % 4) {
      text += "=";
    }
    var binary = window.atob(text);
    var out = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) {
      out[i] = binary.charCodeAt(i);
    }
    return out;
  }

  function base64url(buffer) {
    if (!buffer) {
      return "";
    }
    var view = new Uint8Array(buffer);
    var binary = "";
    for (var i = 0; i < view.length; i++) {
      binary += String.fromCharCode(view[i]);
    }
    return window.btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function credentials(list) {
    return (list || []).map(function (c) {
      return {type: c.type || "public-key", id: bytes(c.id), transports: c.transports};
    });
  }

  function creationOptions(o) {
    return {
      rp: o.rp,
      user: {id: bytes(o.user.id), name: o.user.name, displayName: o.user.displayName},
      challenge: bytes(o.challenge),
      pubKeyCredParams: o.pubKeyCredParams,
      timeout: o.timeout,
      excludeCredentials: credentials(o.excludeCredentials),
      attestation: o.attestation,
      authenticatorSelection: o.authenticatorSelection
    };
  }

  function requestOptions(o) {
    return {
      challenge: bytes(o.challenge),
      rpId: o.rpId,
      timeout: o.timeout,
      userVerification: o.user_verification || o.userVerification,
      allowCredentials: credentials(o.allowCredentials)
    };
  }

  function fill(id, value) {
    var field = document.getElementById(id);
    if (field) {
      field.value = value || "";
    }
  }

  function created(credential) {
    fill("pk-attestation", base64url(credential.response.attestationObject));
    fill("pk-client-data", base64url(credential.response.clientDataJSON));
    fill("pk-credential", base64url(credential.rawId));
    fill("pk-attachment", credential.authenticatorAttachment);
  }

  function asserted(credential) {
    fill("pk-credential", base64url(credential.rawId));
    fill("pk-authenticator-data", base64url(credential.response.authenticatorData));
    fill("pk-client-data", base64url(credential.response.clientDataJSON));
    fill("pk-signature", base64url(credential.response.signature));
    fill("pk-user-handle", base64url(credential.response.userHandle));
  }

  function run(root, button) {
    var error = document.getElementById(root.getAttribute("data-passkey-error"));
    var options = JSON.parse(root.getAttribute("data-passkey-options"));
    var create = root.getAttribute("data-passkey") === "create";
    var asked = create
      ? navigator.credentials.create({publicKey: creationOptions(options)})
      : navigator.credentials.get({publicKey: requestOptions(options)});
    if (error) {
      error.hidden = true;
    }
    button.disabled = true;
    asked.then(function (credential) {
      (create ? created : asserted)(credential);
      document.getElementById(root.getAttribute("data-passkey-submit")).click();
    }, function () {
      button.disabled = false;
      if (error) {
        error.hidden = false;
      }
    });
  }

  var roots = document.querySelectorAll("[data-passkey]");
  Array.prototype.forEach.call(roots, function (root) {
    var button = root.querySelector("[data-passkey-go]");
    if (!button) {
      return;
    }
    if (!window.PublicKeyCredential) {
      button.disabled = true;
      var error = document.getElementById(root.getAttribute("data-passkey-error"));
      if (error) {
        error.hidden = false;
      }
      return;
    }
    button.addEventListener("click", function () {
      run(root, button);
    });
  });
}());
