package vn.motcua.web;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What is wrong with a submitted form, worded for the reader: each error names the form
 * field it belongs to (the id of its input, so that the summary at the top links to it),
 * or none for an error of the whole form. Templates show them with
 * {@code fragments/forms :: summary} and {@code :: error(field)}.
 */
public final class FormErrors {

	/** One error: the field's input id (null for the whole form) and the message. */
	public record Error(String field, String message) {
	}

	private static final FormErrors NONE = new FormErrors(List.of());

	private final List<Error> errors;

	FormErrors(List<Error> errors) {
		this.errors = List.copyOf(errors);
	}

	static FormErrors none() {
		return NONE;
	}

	static FormErrors of(String field, String message) {
		return new FormErrors(List.of(new Error(field, message)));
	}

	public boolean isEmpty() {
		return this.errors.isEmpty();
	}

	public List<Error> all() {
		return this.errors;
	}

	/** Whether the field has an error. */
	public boolean has(String field) {
		return this.errors.stream().anyMatch(e -> field.equals(e.field()));
	}

	/** The field's messages, one sentence after another; empty when it has none. */
	public String of(String field) {
		return this.errors.stream()
			.filter(e -> field.equals(e.field()))
			.map(Error::message)
			.distinct()
			.collect(Collectors.joining(" "));
	}

	/** The errors of the whole form (no field). */
	public List<String> general() {
		return this.errors.stream().filter(e -> e.field() == null).map(Error::message).distinct().toList();
	}

	/** The same errors, with the field's messages replaced by one. */
	FormErrors replacing(String field, String message) {
		java.util.List<Error> replaced = new java.util.ArrayList<>();
		boolean done = false;
		for (Error e : this.errors) {
			if (!field.equals(e.field())) {
				replaced.add(e);
			}
			else if (!done) {
				replaced.add(new Error(field, message));
				done = true;
			}
		}
		return new FormErrors(replaced);
	}

	FormErrors and(FormErrors more) {
		return new FormErrors(java.util.stream.Stream.concat(this.errors.stream(), more.errors.stream()).toList());
	}

}
