package dev.phonehome.audit.pdf;

import java.awt.Color;
import java.awt.Font;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;

import net.sf.jasperreports.charts.JRChart;
import net.sf.jasperreports.charts.JRChartCustomizer;

/**
 * Makes the audit's bar charts read as counts: whole-number ticks (no "0.5 users"), flat bars, the value at the
 * end of each bar, and no background that would muddy a print.
 */
public class AuditChartCustomizer implements JRChartCustomizer {

	@Override
	public void customize(JFreeChart chart, JRChart jasperChart) {
		CategoryPlot plot = chart.getCategoryPlot();
		plot.setBackgroundPaint(Color.WHITE);
		plot.setRangeGridlinePaint(new Color(0xC8C8C8));
		plot.setOutlineVisible(false);
		NumberAxis values = (NumberAxis) plot.getRangeAxis();
		values.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
		values.setLowerBound(0);
		values.setUpperMargin(0.15);
		if (plot.getRenderer() instanceof BarRenderer bars) {
			bars.setBarPainter(new StandardBarPainter());
			bars.setShadowVisible(false);
			bars.setMaximumBarWidth(0.12);
			bars.setDefaultItemLabelsVisible(true);
			bars.setDefaultItemLabelFont(new Font("DejaVu Sans", Font.PLAIN, 8));
			bars.setDefaultItemLabelPaint(Color.BLACK);
		}
	}

}
