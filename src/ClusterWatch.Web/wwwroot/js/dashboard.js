// Dashboard charts: reads the JSON the server embedded in #dashboard-data and draws them with ECharts.
(function () {
    'use strict';
    var dataElement = document.getElementById('dashboard-data');
    if (!dataElement || typeof echarts === 'undefined') return;
    var data = JSON.parse(dataElement.textContent || '{}');
    var text = data.text || {};
    var colors = {
        'status-ontrack': '#2e9e47', 'status-warning': '#e0a100', 'status-lagging': '#d64535', 'status-nodata': '#a0aab5',
        'fc-achieved': '#1f6fb5', 'fc-on-track': '#2e9e47', 'fc-accelerate': '#e0a100', 'fc-limited': '#ef7d32', 'fc-deterioration': '#d64535', 'fc-no-data': '#a0aab5'
    };
    var font = '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif';
    var charts = [];

    function init(id) {
        var element = document.getElementById(id);
        if (!element) return null;
        var chart = echarts.init(element, null, { renderer: 'canvas' });
        charts.push(chart);
        return chart;
    }

    function number(value) {
        return value === null || value === undefined ? '—' : Number(value).toLocaleString('zh-CN', { maximumFractionDigits: 2 });
    }

    var statusChart = init('chart-status');
    if (statusChart && data.statuses) {
        statusChart.setOption({
            textStyle: { fontFamily: font },
            tooltip: { trigger: 'item', formatter: '{b}：{c} ({d}%)' },
            legend: { bottom: 0 },
            series: [{
                type: 'pie', radius: ['38%', '68%'], center: ['50%', '45%'], avoidLabelOverlap: true,
                label: { formatter: '{b}\n{c}' },
                data: data.statuses.filter(function (s) { return s.count > 0; }).map(function (s) {
                    return { name: s.label, value: s.count, itemStyle: { color: colors[s.key] } };
                })
            }]
        });
    }

    var trajectoryChart = init('chart-trajectory');
    var targetsById = {};
    (data.targets || []).forEach(function (t) { targetsById[t.id] = t; });

    function drawTrajectory(id) {
        var target = targetsById[id];
        if (!trajectoryChart || !target) return;
        var years = target.series.map(function (p) { return String(p.year); });
        trajectoryChart.setOption({
            textStyle: { fontFamily: font },
            title: { text: target.label, left: 'center', textStyle: { fontSize: 13, fontWeight: 'normal' } },
            tooltip: { trigger: 'axis', valueFormatter: function (v) { return number(v) + ' ' + target.unit; } },
            legend: { bottom: 0 },
            grid: { left: 60, right: 24, top: 40, bottom: 48 },
            xAxis: { type: 'category', data: years },
            yAxis: { type: 'value', name: target.unit },
            series: [
                {
                    name: text.actual, type: 'bar', barMaxWidth: 36, itemStyle: { color: '#0b5394' },
                    data: target.series.map(function (p) { return p.actual; })
                },
                {
                    name: text.expected, type: 'line', smooth: false, symbolSize: 7, itemStyle: { color: '#e0a100' }, lineStyle: { type: 'dashed' },
                    data: target.series.map(function (p) { return p.expected; }),
                    markLine: {
                        symbol: 'none', lineStyle: { color: '#d64535' },
                        label: { formatter: text.target + ' ' + number(target.target) + ' ' + target.unit + ' (' + target.targetYear + ')', position: 'insideEndTop' },
                        data: [{ yAxis: target.target }]
                    }
                }
            ]
        }, true);
    }

    var targetSelect = document.getElementById('trajectory-target');
    if (targetSelect) {
        targetSelect.addEventListener('change', function () { drawTrajectory(targetSelect.value); });
        drawTrajectory(targetSelect.value || data.defaultTargetId);
    }

    var map = data.map;
    var mapElement = document.getElementById('chart-map');
    if (map && mapElement && map.indicators && map.indicators.length) {
        var indicatorSelect = document.getElementById('map-indicator');
        map.indicators.forEach(function (indicator, index) {
            var option = document.createElement('option');
            option.value = String(index);
            option.textContent = indicator.name;
            indicatorSelect.appendChild(option);
        });
        fetch(map.url).then(function (response) { return response.json(); }).then(function (geo) {
            var mapName = 'cw-' + map.code;
            var nameByCode = {};
            geo.features.forEach(function (f) { nameByCode[String(f.properties.adcode)] = f.properties.name; });
            echarts.registerMap(mapName, geo);
            var mapChart = init('chart-map');

            function drawMap(index) {
                var indicator = map.indicators[index];
                var rows = indicator.rows.filter(function (r) { return nameByCode[r.code]; });
                mapChart.setOption({
                    textStyle: { fontFamily: font },
                    tooltip: {
                        trigger: 'item',
                        formatter: function (p) {
                            var r = p.data && p.data.row;
                            if (!r) return p.name + '：' + text.nodata;
                            return r.region + '：<b>' + echarts.format.encodeHTML(r.statusLabel) + '</b>' +
                                '<br/>' + text.allocated + '：' + number(r.allocated) + ' ' + r.unit +
                                '<br/>' + text.actual + '：' + number(r.actual) + ' ' + r.unit +
                                '<br/>' + text.percent + '：' + (r.percent === null ? '—' : number(r.percent) + '%') +
                                '<br/>' + text.projected + '：' + number(r.projected) + ' ' + r.unit +
                                '<br/><span style="display:inline-block;max-width:420px;white-space:normal">' + echarts.format.encodeHTML(r.formula) + '</span>';
                        }
                    },
                    series: [{
                        type: 'map', map: mapName, roam: true, label: { show: true, fontSize: 10 },
                        emphasis: { label: { show: true } },
                        data: rows.map(function (r) {
                            // Coloured by the forecast class, as in the table beside the map.
                            return { name: nameByCode[r.code], value: r.percent === null ? NaN : Number(r.percent), row: r, itemStyle: { areaColor: colors[r.status] } };
                        })
                    }]
                }, true);
            }

            indicatorSelect.addEventListener('change', function () { drawMap(Number(indicatorSelect.value)); });
            drawMap(0);
        }).catch(function (error) { mapElement.textContent = String(error); });
    }

    window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
})();
