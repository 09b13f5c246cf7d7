package dev.phonehome.bench;

import java.util.Locale;

/**
 * The size of a synthetic installation. L is the million-user installation; S and M are L scaled down
 * linearly by users (every count divided by 1,000 and by 10), so M to L is exactly ten times the data.
 *
 * @param name S, M or L
 * @param users users (each in one team, one in five in a second team)
 * @param companies companies, all on free or trial plans (emails are sent: the larger payload)
 * @param teams teams, two admins each
 * @param nightPosts posts created in the night's window
 * @param posts posts in all (the others spread over the two years before the night)
 * @param reviews reviews in all (about 2% created in the night, some more approved in it)
 */
record BenchSize(String name, int users, int companies, int teams, long nightPosts, long posts, int reviews) {

	static final BenchSize L = new BenchSize("L", 1_000_000, 1_000, 10_000, 2_000_000, 10_000_000, 200_000);

	static final BenchSize M = L.scaledDownBy(10, "M");

	static final BenchSize S = L.scaledDownBy(1_000, "S");

	static BenchSize of(String name) {
		return switch (name.toUpperCase(Locale.ROOT)) {
			case "S" -> S;
			case "M" -> M;
			case "L" -> L;
			default -> throw new IllegalArgumentException("unknown size '" + name + "': S, M or L");
		};
	}

	private BenchSize scaledDownBy(int factor, String name) {
		return new BenchSize(name, users / factor, Math.max(1, companies / factor), teams / factor,
				nightPosts / factor, posts / factor, reviews / factor);
	}

}
