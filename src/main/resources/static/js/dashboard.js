// The dashboards' charts (ADR 31), drawn by ECharts from the data table beside each chart, so that the chart
// and the table can never disagree and the page needs no script of its own (the CSP stays 'self').
// A chart is an element with data-table (the table's id), data-kind (combo, stack, pie, bar) and
// data-columns (the data-key of the table's columns to draw); a row's name is its <th>, a cell's value its
// data-value (empty: no value). Rates (columns whose key ends in Rate) are drawn as percentages.
(function () {
  'use strict';
  if (!window.echarts) {
    return;
  }
  function read(table, keys) {
    var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var index = keys.map(function (key) {
      return heads.findIndex(function (th) { return th.getAttribute('data-key') === key; });
    });
    var labels = [];
    var columns = keys.map(function () { return []; });
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
      labels.push(row.querySelector('th').textContent.trim());
      index.forEach(function (i, j) {
        var cell = row.cells[i];
        var value = cell && cell.getAttribute('data-value');
        columns[j].push(value === null || value === '' ? null : Number(value));
      });
    });
    return {
      labels: labels,
      names: index.map(function (i) { return heads[i].textContent.trim(); }),
      keys: keys,
      columns: columns
    };
  }
  function isRate(key) {
    return /Rate$/.test(key);
  }
  function percent(value) {
    return value === null || value === undefined ? '—' : (value * 100).toFixed(1) + ' %';
  }
  function option(kind, data) {
    var narrow = window.innerWidth < 480;
    var grid = { left: 8, right: 8, top: 40, bottom: 8, containLabel: true };
    var legend = { top: 0, type: 'scroll' };
    var category = {
      type: 'category', data: data.labels,
      axisLabel: { interval: 0, rotate: narrow || data.labels.length > 6 ? 40 : 0, width: 90, overflow: 'truncate' }
    };
    if (kind === 'pie') {
      return {
        animation: false, tooltip: { trigger: 'item' }, legend: legend,
        series: [{
          type: 'pie', radius: narrow ? '55%' : '65%', top: 30, name: data.names[0],
          data: data.labels.map(function (label, i) { return { name: label, value: data.columns[0][i] || 0 }; })
            .filter(function (slice) { return slice.value > 0; })
        }]
      };
    }
    var counts = { type: 'value', minInterval: 1 };
    var rates = { type: 'value', min: 0, max: 1, axisLabel: { formatter: function (v) { return Math.round(v * 100) + ' %'; } } };
    var hasCounts = data.keys.some(function (k) { return !isRate(k); });
    var yAxis = hasCounts && data.keys.some(isRate) ? [counts, rates] : [hasCounts ? counts : rates];
    return {
      // drawn at once, not grown: nothing moves for those who would rather it did not
      animation: false,
      tooltip: {
        trigger: 'axis',
        formatter: function (items) {
          // names come from the catalog and the units: escaped, since ECharts shows this as HTML
          var html = echarts.format.encodeHTML;
          return html(items[0].axisValueLabel) + '<br>' + items.map(function (it) {
            var key = data.keys[it.seriesIndex];
            return it.marker + html(it.seriesName) + ': ' + (isRate(key) ? percent(it.value) : it.value);
          }).join('<br>');
        }
      },
      legend: legend, grid: grid, xAxis: category, yAxis: yAxis,
      series: data.keys.map(function (key, j) {
        var rate = isRate(key);
        return {
          name: data.names[j], data: data.columns[j],
          type: rate && hasCounts ? 'line' : 'bar',
          yAxisIndex: rate && yAxis.length > 1 ? 1 : 0,
          stack: kind === 'stack' ? 'total' : undefined,
          barMaxWidth: 48,
          connectNulls: true
        };
      })
    };
  }
  var charts = [];
  function draw() {
    document.querySelectorAll('.chart[data-table]').forEach(function (element) {
      var table = document.getElementById(element.getAttribute('data-table'));
      if (!table || !table.tBodies.length) {
        return;
      }
      var data = read(table, element.getAttribute('data-columns').split(','));
      var chart = window.echarts.init(element, null, { renderer: 'canvas' });
      chart.setOption(option(element.getAttribute('data-kind'), data));
      element.setAttribute('data-drawn', 'true');
      charts.push(chart);
    });
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  }
  else {
    draw();
  }
  window.addEventListener('resize', function () {
    charts.forEach(function (chart) { chart.resize(); });
  });
})();
