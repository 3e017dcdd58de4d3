/** The campaign results page (issue 4 §6). */
export const results = {
  results: {
    title: '调查结果',
    campaign: '调查活动',
    chooseCampaign: '选择调查活动',
    noCampaign: '请选择一个调查活动查看结果',
    refresh: '立即统计',
    refreshed: '已统计 {{count}} 份新答卷',
    export: '导出 Excel',
    filters: { project: '项目', building: '楼栋', post: '岗位', tags: '业主标签', all: '全部', tagsPlaceholder: '输入标签后回车' },
    rawSource: '按业主标签筛选时直接读取答卷计算（不走汇总表），数据量大时较慢。',
    pending: '还有 {{count}} 份答卷正在汇总，几秒后刷新即可看到。',
    empty: '当前筛选下还没有完成的答卷',
    tiles: {
      responses: '有效答卷', responseRate: '回收率', satisfaction: '总体满意率', nps: 'NPS', index: '满意度指数', gap: 'SERVQUAL 加权差距',
      margin: '±{{value}}（95%）', base: '样本 {{count}}', invited: '邀请 {{count}} 户',
    },
    change: { significant: '较上轮 {{value}}（显著）', notSignificant: '较上轮 {{value}}（不显著）', previous: '上一轮：{{name}}' },
    charts: {
      radar: 'SERVQUAL 五维度：期望 vs 感知', expectation: '期望', perception: '感知', gapBars: '各题差距（感知 − 期望）', gap: '差距',
      nps: 'NPS 分布（0–10 分）', detractors: '贬损者 0–6', passives: '被动者 7–8', promoters: '推荐者 9–10', answers: '人数',
      kano: 'Kano：Better / Worse', better: 'Better（满意提升）', worse: '|Worse|（不满消除）',
      ipa: '重要性–表现矩阵', ipaCorrelation: '按与总体满意的相关', ipaWeights: '按指标权重', importance: '重要性', performance: '表现（0–100）',
      drivers: '关键驱动因素（回归）', coefficient: '标准化系数', notSignificant: '不显著', significant: '显著', driversNotFitted: '样本不足或数据共线，无法拟合回归',
      trend: '历次调查趋势', satisfactionRate: '满意率 %', npsScore: 'NPS', indexScore: '指数',
      noData: '暂无数据',
    },
    rates: { title: '回收率', byProject: '按项目', byBuilding: '按楼栋', name: '名称', invited: '邀请', completed: '完成', rate: '回收率' },
    questions: { title: '各题满意率', question: '题目', valid: '有效样本', notExperienced: '未体验', mean: '均值', rate: '满意率', change: '较上轮' },
  },
};
