package org.countersign.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The path of a request inside the application, decoded and normalised as the container matched it
 * against the servlet and filter mappings, so that every filter decides on the same path.
 */
public final class RequestPaths {

  private RequestPaths() {}

  public static String of(HttpServletRequest request) {
    String servlet = request.getServletPath() == null ? "" : request.getServletPath();
    return servlet + (request.getPathInfo() == null ? "" : request.getPathInfo());
  }
}
