// The operator's chart: loans per zone and asset, stacked, from the data the page carries (no request of its own).
document.addEventListener("DOMContentLoaded", () => {
  const canvas = document.getElementById("zones-chart");
  if (!canvas || !window.Chart) {
    return;
  }
  const data = JSON.parse(canvas.dataset.chart);
  const colours = { GREEN: "#1e6b34", ORANGE: "#b86a00", RED: "#a1131c" };
  new Chart(canvas, {
    type: "bar",
    data: {
      labels: data.labels,
      datasets: Object.entries(data.zones).map(([zone, counts]) => ({
        label: zone, data: counts, backgroundColor: colours[zone] || "#777"
      }))
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } }
    }
  });
});
