/** The owner's phone home (issue 15 §5). */
export const ownerHome = {
  ownerHome: {
    openTickets: '进行中的工单',
    surveys: '我的调查',
    noSurveys: '暂时没有邀请您家参加的调查',
    loading: '加载中…',
    closesAt: '{{at}} 截止',
    answer: '去填写',
    continue: '继续填写',
    answered: '已提交',
    closed: '已结束',
    steward: '我的管家',
    hours: '工作时间：{{hours}}',
    noHours: '工作时间请致电物业服务中心',
    praise: '表扬 TA',
    praisePlaceholder: '说说{{name}}哪里做得好，我们会转达并记录下来',
    praiseSend: '提交表扬',
    praised: '感谢您的表扬，我们已转达',
    suggest: '提建议',
  },
};
