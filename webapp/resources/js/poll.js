/*
 * Faces ajax polling without inline script: while the page shows a button marked data-poll, press it through
 * faces.ajax every few seconds, re-rendering the ids it names. The server decides what is still awaited; when the
 * re-rendered region no longer holds such a button, polling stops by itself. Without JavaScript the same button
 * works as an ordinary "check now" submit.
 */
(function () {
  "use strict";
  var INTERVAL_MS = 2000;
  var busy = false;

  function tick() {
    var button = document.querySelector("[data-poll]");
    if (!button || busy || typeof faces === "undefined") {
      return;
    }
    busy = true;
    faces.ajax.request(button, null, {
      execute: button.id,
      render: button.getAttribute("data-poll"),
      // Marks the request as the button's action, as f:ajax on the button would; Faces then invokes it.
      params: {"jakarta.faces.behavior.event": "action"},
      onevent: function (data) {
        if (data.status === "success") {
          busy = false;
        }
      },
      onerror: function () {
        busy = false;
      }
    });
  }

  window.setInterval(tick, INTERVAL_MS);
}());
