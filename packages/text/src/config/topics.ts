/**
 * What owners talk about, aligned with the ticket category tree (packages/core service-desk/category-tree.ts):
 * each topic names the category node it belongs to, so a 贬损点 can be followed to the tickets of that line.
 * Terms are matched in normalised text; jieba keeps them whole (config/dictionary.ts loads them).
 */
import { type Topic } from './types';

const topic = (code: string, zh: string, en: string, categoryCode: string, terms: string[]): Topic =>
  ({ code, labels: { 'zh-CN': zh, 'en-US': en }, categoryCode, terms });

export const baseTopics: Topic[] = [
  topic('engineering', '工程维修', 'Repairs & facilities', 'engineering', [
    '报修', '维修', '修好', '修理', '师傅', '水管', '水电', '漏水', '渗水', '返水', '地漏', '下水道', '管道', '堵了', '堵塞',
    '水压', '停水', '门禁', '对讲', '路灯', '照明', '灯坏', '声控灯', '插座', '跳闸', '电工', '水工', '燃气', '防水', '外墙',
    '瓷砖', '健身器材', '设施', '排水', '积水', '水箱', '自来水', '排风', '消防栓', '热水器', '冷凝水', '坡道', '单元门',
  ]),
  topic('engineering.elevator', '电梯', 'Elevators', 'engineering.elevator', ['电梯', '轿厢', '困人', '关人', '梯']),
  topic('environment.cleaning', '保洁卫生', 'Cleaning', 'environment.cleaning', [
    '保洁', '卫生', '打扫', '清扫', '清理', '干净', '脏', '垃圾', '异味', '臭', '灰尘', '积灰', '拖地', '消毒', '消杀', '蟑螂',
    '苍蝇', '蚊子', '小广告', '痰', '回收', '地面', '外墙脏', '扫雪', '擦', '垃圾分类', '清运', '污水', '尿骚',
  ]),
  topic('environment.greening', '绿化景观', 'Landscaping', 'environment.greening', [
    '绿化', '草坪', '花草', '树', '花园', '修剪', '杂草', '樱花', '桂花', '月季', '银杏', '灌木', '园林', '园丁', '绿地', '打药',
    '农药', '景观', '水池', '种树', '补种', '长椅', '花',
  ]),
  topic('order.security', '秩序安全', 'Security & safety', 'order', [
    '保安', '门岗', '门卫', '巡逻', '陌生人', '监控', '摄像头', '小偷', '被盗', '偷', '安全', '高空抛物', '扔', '烟头', '访客',
    '登记', '人脸识别', '封闭式', '道闸', '外卖', '快递', '鞭炮', '撞',
  ]),
  topic('order.parking', '停车', 'Parking', 'order.parking', [
    '停车', '车位', '车库', '乱停', '占用', '消防通道', '充电桩', '电动车', '电瓶车', '划线', '减速带', '出入口', '抬杆', '月租', '停车卡',
  ]),
  topic('order.noise', '噪音扰民', 'Noise', 'order.noise', [
    '噪音', '吵', '扰民', '电钻', '广场舞', '音响', '轰油门', '麻将', '睡不着', '声音太大', 'KTV', 'ktv', '安静', '砸墙',
  ]),
  topic('order.pets', '宠物管理', 'Pets', 'order.pets', ['宠物', '狗', '犬', '猫', '大型犬', '养猫', '养狗', '猫砂', '遛狗', '牵绳', '狗屎', '狗粪', '便便', '拾便', '大小便']),
  topic('fees', '收费', 'Fees', 'fees', [
    '物业费', '收费', '涨价', '涨了', '停车费', '公摊', '水电费', '费用', '押金', '发票', '缴费', '交费', '滞纳金', '价格', '贵',
    '收入', '账目', '钱', '管理费', '维修基金', '一分钱一分货', '电梯费', '年缴', '欠费',
  ]),
  topic('renovation', '装修', 'Renovation', 'renovation', ['装修', '封阳台', '改水电', '拆了承重墙', '违规', '施工', '装修垃圾', '装修押金', '备案']),
  topic('service.attitude', '服务态度', 'Staff attitude', 'service.attitude', [
    '态度', '管家', '客服', '前台', '耐心', '热情', '礼貌', '脸色', '不耐烦', '爱答不理', '冷冰冰', '阴阳怪气', '说话', '语气',
    '贴心', '热心', '亲切', '打招呼', '人情味', '亲民', '诚恳', '尊重', '吵架', '吼', '横', '已读不回', '打发', '玩手机',
  ]),
  topic('service.efficiency', '办事效率', 'Responsiveness', 'service.efficiency', [
    '效率', '及时', '很快', '马上', '当天', '拖', '没人管', '没人来', '回音', '回复', '没回', '等了', '一直没', '好几个月',
    '反映了', '没解决', '解决不了', '踢皮球', '敷衍', '进度', '回访', '跟进', '响应', '工单', '待处理', '占线', '打不通',
  ]),
  topic('service.information', '信息公开', 'Information & notices', 'service.information', [
    '通知', '公示', '公开', '透明', '告知', '账目', '明细', '公众号', '业主群', '群里', '短信', '告示', '业主大会', '业委会', '报告',
  ]),
];
