package org.myochart.platform.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import jakarta.faces.context.ResponseWriterWrapper;
import java.io.IOException;
import org.primefaces.component.fileupload.FileUpload;
import org.primefaces.component.fileupload.FileUploadRenderer;

/**
 * PrimeFaces' plain file field ({@code mode="simple" skinSimple="false"}) as a screen reader can
 * use it: PrimeFaces hides the browser's own file input from assistive technology ({@code
 * aria-hidden="true"}), as if a styled button stood in for it, while that input is the only control
 * there is and can still be focused. The styled variant is left as PrimeFaces draws it. Registered
 * in faces-config.xml for every {@code p:fileUpload}.
 */
public class AccessibleFileUploadRenderer extends FileUploadRenderer {

  @Override
  protected void encodeSimpleInputField(
      FacesContext context, FileUpload fileUpload, String clientId, String inputId, String style)
      throws IOException {
    if (fileUpload.isSkinSimple()) {
      super.encodeSimpleInputField(context, fileUpload, clientId, inputId, style);
      return;
    }
    ResponseWriter original = context.getResponseWriter();
    context.setResponseWriter(new ShownToEveryone(original));
    try {
      super.encodeSimpleInputField(context, fileUpload, clientId, inputId, style);
    } finally {
      context.setResponseWriter(original);
    }
  }

  /** Leaves out {@code aria-hidden}. */
  static final class ShownToEveryone extends ResponseWriterWrapper {

    ShownToEveryone(ResponseWriter wrapped) {
      super(wrapped);
    }

    @Override
    public void writeAttribute(String name, Object value, String property) throws IOException {
      if (!"aria-hidden".equals(name)) {
        super.writeAttribute(name, value, property);
      }
    }
  }
}
