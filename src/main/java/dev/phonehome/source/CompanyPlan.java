package dev.phonehome.source;

/** A company's plan as stored ({@code null} when it has none): what the email rule decides on. */
public record CompanyPlan(String companyId, String companyName, String plan) {
}
