package vn.motcua.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

import vn.motcua.shared.Problem;

/**
 * The one place where a problem becomes words on a page. The domain's problems carry a
 * code and the fields at fault; their English detail is for the API and the log, never
 * shown on a page. A field's message is the first of these keys that has one:
 * {@code problem.<CODE>.<field>}, the same without indices,
 * {@code problem.<CODE>.<last part of the field>}, {@code field.<last part>.invalid},
 * {@code problem.<CODE>}; the problem's own message is {@code problem.<CODE>}.
 */
@Component
public class ProblemMessages {

	private final MessageSource messages;

	ProblemMessages(MessageSource messages) {
		this.messages = messages;
	}

	/** The problem as a sentence for the reader. */
	public String message(Problem problem, Locale locale) {
		return this.messages.getMessage("problem." + problem.code(), null,
				this.messages.getMessage("problem.unknown", null, "?", locale), locale);
	}

	/**
	 * The problem's errors on a form whose inputs are named after the last part of the
	 * problem's fields ("applicant.idNumber" on input "idNumber"), unless {@code inputs}
	 * names another input for a field. An error whose field is no input of the form
	 * ({@code known}) is an error of the whole form.
	 */
	public FormErrors errors(Problem problem, Locale locale, List<String> known, Map<String, String> inputs) {
		return errors(problem, locale, null, known, inputs);
	}

	/**
	 * As {@link #errors(Problem, Locale, List, Map)}, with the form's own words first:
	 * {@code <form>.<last part of the field>.invalid}.
	 */
	public FormErrors errors(Problem problem, Locale locale, String form, List<String> known,
			Map<String, String> inputs) {
		List<FormErrors.Error> errors = new ArrayList<>();
		for (Problem.Violation v : problem.violations()) {
			String field = v.field() == null ? "" : v.field();
			String input = inputs.getOrDefault(field, last(field));
			String text = first(locale, form == null ? null : form + "." + last(field) + ".invalid",
					"problem." + problem.code() + "." + field, "problem." + problem.code() + "." + unindexed(field),
					"problem." + problem.code() + "." + last(field), "field." + last(field) + ".invalid",
					"problem." + problem.code());
			errors.add(new FormErrors.Error(known.contains(input) ? input : null,
					text != null ? text : message(problem, locale)));
		}
		if (errors.isEmpty()) {
			errors.add(new FormErrors.Error(null, message(problem, locale)));
		}
		return new FormErrors(errors);
	}

	/**
	 * The errors of a form bound to a record: each field error worded by its codes
	 * ({@code NotBlank.applicantName}, …, or the key in the constraint's message).
	 */
	public FormErrors errors(BindingResult binding, Locale locale) {
		List<FormErrors.Error> errors = new ArrayList<>();
		for (ObjectError e : binding.getAllErrors()) {
			String field = e instanceof FieldError f ? f.getField() : null;
			String text = this.messages.getMessage(e, locale);
			if (field != null && e.getCodes() != null && text.equals(e.getDefaultMessage())
					&& ((FieldError) e).isBindingFailure()) {
				// a value of the wrong type ("abc" for a number): no field has its own
				// words
				text = first(locale, "field." + field + ".invalid", "problem.field");
			}
			errors.add(new FormErrors.Error(field, text));
		}
		return new FormErrors(errors);
	}

	/**
	 * One violation in words, without the form: {@code problem.<CODE>.<field>}, then the
	 * field without its indices ("components[2].name" → "components.name"), then its last
	 * part; {@code null} when none of them has a message (the caller words it, e.g. a
	 * column an import does not know).
	 */
	public String reason(Problem problem, Problem.Violation violation, Locale locale) {
		String field = violation.field() == null ? "" : violation.field();
		return first(locale, "problem." + problem.code() + "." + field,
				"problem." + problem.code() + "." + unindexed(field), "problem." + problem.code() + "." + last(field));
	}

	private static String unindexed(String field) {
		return field.replaceAll("\\[[0-9]+\\]", "");
	}

	private String first(Locale locale, String... keys) {
		for (String key : keys) {
			if (key == null) {
				continue;
			}
			String text = this.messages.getMessage(key, null, null, locale);
			if (text != null) {
				return text;
			}
		}
		return null;
	}

	private static String last(String field) {
		String name = field.substring(field.lastIndexOf('.') + 1);
		int bracket = name.indexOf('[');
		return bracket < 0 ? name : name.substring(0, bracket);
	}

}
