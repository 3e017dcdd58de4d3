import { describe, expect, it } from 'vitest';
import { hasEnglishSystemText, systemText } from './system-texts';

describe('systemText', () => {
  it('puts audit summaries into English, keeping the names and numbers they quote', () => {
    expect(systemText('登记工单 BX-20261207-0007 厨房水龙头关不紧', 'en-US')).toBe('Received ticket BX-20261207-0007 厨房水龙头关不紧');
    expect(systemText('派单工单 BX-20261207-0004', 'en-US')).toBe('Assigned ticket BX-20261207-0004');
    expect(systemText('开始处理工单 BX-20261207-0001', 'en-US')).toBe('Started work on ticket BX-20261207-0001');
    expect(systemText('回访工单 BX-20261207-0001:未接通', 'en-US')).toBe('Return visit of ticket BX-20261207-0001: no answer');
    expect(systemText('发布调查:2026 年下半年满意度调查,邀请 120 户', 'en-US')).toBe('Published campaign 2026 年下半年满意度调查, 120 households invited');
    expect(systemText('指派课程「装修管理」给 1 人', 'en-US')).toBe('Assigned course “装修管理” to 1 person');
    expect(systemText('新建房屋 11栋 1单元 301', 'en-US')).toBe('Created household 11栋 1单元 301');
    expect(systemText('新建房屋 A座  601', 'en-US')).toBe('Created household A座 601');
  });

  it('translates timeline titles and system notes on tickets, CLEAR steps included', () => {
    expect(systemText('报修 BX-20261123-0007 已派单', 'en-US')).toBe('Repair BX-20261123-0007 assigned');
    expect(systemText('投诉 TS-20261123-0001 已回访,满意度 4 分', 'en-US')).toBe('Complaint TS-20261123-0001 visited, satisfaction 4/5');
    expect(systemText('报修 BX-20261123-0007 已登记', 'en-US')).toBe('Repair BX-20261123-0007 received');
    expect(systemText('住户档案建立', 'en-US')).toBe('Resident record created');
    expect(systemText('表扬了王芳', 'en-US')).toBe('Praised 王芳');
    expect(systemText('控制情绪、聆听诉说、同理链接', 'en-US')).toBe('Control emotions, Listen, Establish empathy');
    expect(systemText('按派单规则自动派单', 'en-US')).toBe('Assigned automatically by the dispatch rule');
    expect(systemText('已与您约定上门时间：12月8日 14:00（带好配件）', 'en-US')).toBe('Visit time agreed with you: 12月8日 14:00 (带好配件)');
    expect(systemText('已与您约定上门时间：12月8日 14:00', 'en-US')).toBe('Visit time agreed with you: 12月8日 14:00');
    expect(systemText('系统', 'en-US')).toBe('System');
    expect(systemText('批量导入建档', 'en-US')).toBe('Record created by the household import');
    expect(systemText('疑似群体投诉:电梯故障(5 户 24 小时内反映)', 'en-US')).toBe('Possible group complaint: 电梯故障 (5 households within 24 hours)');
    expect(systemText('绿景苑 周报', 'en-US')).toBe('绿景苑 weekly report');
  });

  it('leaves what a person wrote alone, in both languages', () => {
    expect(systemText('已约谈当班保安,停岗培训一天', 'en-US')).toBe('已约谈当班保安,停岗培训一天');
    expect(systemText('登记工单 BX-1 漏水', 'zh-CN')).toBe('登记工单 BX-1 漏水');
    expect(hasEnglishSystemText('随便写的一句话')).toBe(false);
  });

  it('puts codes older Chinese rows carry into words', () => {
    expect(systemText('事件 9栋停水:draft → published', 'zh-CN')).toBe('事件 9栋停水：草稿 → 已发布');
    expect(systemText('事件 9栋停水:draft → published', 'en-US')).toBe('Incident 9栋停水: Draft → Published');
    expect(systemText('删除派单规则:cleaning', 'zh-CN')).toBe('删除派单规则：保洁');
    expect(systemText('目标 satisfaction 0.85', 'zh-CN')).toBe('目标 满意率 0.85');
    expect(systemText('目标分解为 3 个子目标（households）', 'en-US')).toBe('Target split into 3 children (by households)');
  });
});
