package org.countersign.web;

import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

/**
 * A form whose view state is unknown (the view expired, or the post was forged without a valid view
 * state) does nothing: the person gets the page afresh by a redirect, instead of an error page.
 * Registered in faces-config.xml.
 */
public class ExpiredViewHandlerFactory extends ExceptionHandlerFactory {

  public ExpiredViewHandlerFactory(ExceptionHandlerFactory wrapped) {
    super(wrapped);
  }

  @Override
  public ExceptionHandler getExceptionHandler() {
    return new Handler(getWrapped().getExceptionHandler());
  }

  private static final class Handler extends ExceptionHandlerWrapper {

    Handler(ExceptionHandler wrapped) {
      super(wrapped);
    }

    @Override
    public void handle() throws FacesException {
      Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
      while (events.hasNext()) {
        Throwable t = events.next().getContext().getException();
        if (t instanceof ViewExpiredException expired) {
          events.remove();
          FacesContext faces = FacesContext.getCurrentInstance();
          var external = faces.getExternalContext();
          try {
            external.redirect(external.getRequestContextPath() + "/ui" + expired.getViewId());
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          faces.responseComplete();
        }
      }
      getWrapped().handle();
    }
  }
}
