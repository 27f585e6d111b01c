package org.myochart.testsupport;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;

/**
 * HAPI FHIR's validator against the R4 base specification (structure, cardinality, invariants,
 * required bindings, the code systems the specification itself defines), built once per test JVM:
 * what a receiving record system would check first.
 */
public final class FhirValidation {

  private static FhirValidator validator;

  private FhirValidation() {}

  private static synchronized FhirValidator validator() {
    if (validator == null) {
      FhirContext r4 = FhirContext.forR4Cached();
      ValidationSupportChain chain =
          new ValidationSupportChain(
              new DefaultProfileValidationSupport(r4),
              new InMemoryTerminologyServerValidationSupport(r4),
              new CommonCodeSystemsTerminologyService(r4));
      validator = r4.newValidator();
      validator.registerValidatorModule(new FhirInstanceValidator(chain));
    }
    return validator;
  }

  /** The messages of severity ERROR and FATAL for the JSON, each with where it points. */
  public static synchronized List<String> errors(String json) {
    return validator().validateWithResult(json).getMessages().stream()
        .filter(
            m ->
                m.getSeverity() == ResultSeverityEnum.ERROR
                    || m.getSeverity() == ResultSeverityEnum.FATAL)
        .map(FhirValidation::describe)
        .toList();
  }

  /** Every message, for reading what the validator said besides errors. */
  public static synchronized List<String> messages(String json) {
    return validator().validateWithResult(json).getMessages().stream()
        .map(FhirValidation::describe)
        .toList();
  }

  private static String describe(SingleValidationMessage m) {
    return m.getSeverity() + " " + m.getLocationString() + ": " + m.getMessage();
  }
}
