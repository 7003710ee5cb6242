package vn.motcua.dossier.core;

/**
 * A component as handed in: its name (as in the procedure's list) and how many originals
 * and copies.
 */
public record SubmittedComponent(String name, int originals, int copies) {
}
