import type { TicketType } from './vocabulary';

/**
 * The phrasings a new company starts with, written in the warm register seed 001 teaches
 * (多用"我"、"我可以"、"麻烦…好吗?"; never 烦躁/拒绝/质疑/随意/推诿). Companies edit them freely.
 */
export const defaultCannedReplies: { ticketType: TicketType | null; title: string; body: string }[] = [
  { ticketType: null, title: '受理确认', body: '您好,我是您的客服管家,您反映的问题我已经记录下来了,我会全程跟进,处理进展第一时间告诉您。' },
  { ticketType: 'repair', title: '报修派单', body: '您好,您的报修我已安排维修师傅处理,师傅会先和您电话确认上门时间,麻烦您留意来电,好吗?' },
  { ticketType: 'repair', title: '维修完成回访', body: '您好,打扰您一分钟,前几天您家的报修已经处理完成,想请问一下现在使用正常吗?您对这次服务还满意吗?' },
  {
    ticketType: 'complaint',
    title: '致歉与承诺',
    body: '非常抱歉给您带来了不便,您的心情我完全理解。我可以先帮您把情况核实清楚,并在约定时间前给您答复,您看可以吗?',
  },
  { ticketType: 'complaint', title: '进度告知', body: '您好,向您同步一下处理进展:我们已经安排专人跟进,目前正在处理中,有新进展我会马上告诉您,感谢您的耐心。' },
  { ticketType: 'inquiry', title: '咨询答复', body: '感谢您的咨询!关于您问到的问题,我为您整理了办理方式,如还有不清楚的地方,您随时找我。' },
  { ticketType: 'praise', title: '感谢表扬', body: '谢谢您的认可和鼓励!我们会把您的表扬转达给同事,也会继续努力为您做好服务。' },
  { ticketType: 'suggestion', title: '感谢建议', body: '谢谢您的宝贵建议,我已经转给相关负责同事评估,有结果后我会第一时间告诉您。' },
];
