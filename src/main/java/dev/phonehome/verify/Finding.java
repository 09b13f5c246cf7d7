package dev.phonehome.verify;

/** One result of {@code verify}: what was checked, and whether it holds. */
public record Finding(Kind kind, String subject, String detail) {

	public enum Kind {

		OK, CHANGED, MISSING, UNEXPECTED, BROKEN_CHAIN,
		/** Not on this node, but its database copy matches the record: any use restores it here. */
		DATABASE_ONLY;

		public boolean isProblem() {
			return this != OK && this != DATABASE_ONLY;
		}

	}

	@Override
	public String toString() {
		return String.format("%-12s %s%s", kind, subject, detail.isEmpty() ? "" : ": " + detail);
	}

}
