package dev.phonehome.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import dev.phonehome.record.NightWindow;

class TeamTests {

	@Test
	void unsetSettingsShouldTakeTheContractDefaults() {
		Team team = new Team("t", null, null, false, null, null, null, null, null);

		assertThat(team.liveView()).isEqualTo("user");
		assertThat(team.codeReviewApproval()).isEqualTo("user");
		assertThat(team.codeReviewAssignment()).isEqualTo("authorship2");
	}

	@Test
	void emptySettingsShouldCountAsUnset() {
		Team team = new Team("t", null, null, false, null, null, "", "", "");

		assertThat(team.liveView()).isEqualTo("user");
		assertThat(team.codeReviewAssignment()).isEqualTo("authorship2");
	}

	@Test
	void setSettingsShouldBeSentAsStored() {
		Team team = new Team("t", null, null, false, null, null, "on", "anyone", "roundRobin");

		assertThat(team.liveView()).isEqualTo("on");
		assertThat(team.codeReviewApproval()).isEqualTo("anyone");
		assertThat(team.codeReviewAssignment()).isEqualTo("roundRobin");
	}

	@Test
	void nightWindowShouldBeTheUtcDayHalfOpen() {
		NightWindow window = NightWindow.of(LocalDate.of(2021, 3, 15));

		assertThat(window.startMillis()).isEqualTo(1615766400000L);
		assertThat(window.endMillis()).isEqualTo(1615766400000L + 86_400_000L);
		assertThat(window.contains(1615766400000L)).isTrue();
		assertThat(window.contains(1615766400000L + 86_400_000L - 1)).isTrue();
		assertThat(window.contains(1615766400000L + 86_400_000L)).isFalse();
		assertThat(window.contains(1615766400000L - 1)).isFalse();
	}

}
