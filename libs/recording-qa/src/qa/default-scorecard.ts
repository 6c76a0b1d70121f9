import { type ScorecardDefinition } from '@cti/domain';

/**
 * The center's own service standard (监听评分标准) as the scorecard a fresh installation starts
 * with, so reviewers can score on day one; a QA lead edits it into new versions. Item weights
 * are points out of 100. The critical item names the fault and is answered 出现 / 未出现, so the
 * failing answer cannot be misread.
 */
export const DEFAULT_SCORECARD: ScorecardDefinition = {
  id: 'service-standard',
  name: '服务规范评分表',
  passMark: 80,
  sections: [
    {
      id: 'opening',
      title: '接听与问候',
      weight: 20,
      items: [
        { id: 'answer-3-rings', text: '三声铃响内接听', weight: 10, scale: { kind: 'yes-no' } },
        {
          id: 'greeting-job-number',
          text: '使用标准问候语并报工号',
          weight: 10,
          scale: { kind: 'yes-no' },
        },
      ],
    },
    {
      id: 'handling',
      title: '问题处理',
      weight: 50,
      items: [
        {
          id: 'confirm-details',
          text: '复述确认客户的问题、地址、姓名和电话（每项缺一扣分）',
          weight: 30,
          scale: { kind: 'points', max: 4 },
          passAt: 3,
        },
        {
          id: 'please-wait',
          text: '让客户等待超过10秒时说“请稍候”',
          weight: 10,
          scale: { kind: 'yes-no' },
          allowNa: true,
        },
        {
          id: 'argue-with-customer',
          text: '与客户争吵（出现即判零分）',
          weight: 10,
          scale: { kind: 'yes-no', passLabel: '未出现', failLabel: '出现' },
          critical: true,
        },
      ],
    },
    {
      id: 'closing',
      title: '结束通话',
      weight: 30,
      items: [
        { id: 'polite-close', text: '使用礼貌结束语', weight: 15, scale: { kind: 'yes-no' } },
        {
          id: 'customer-hangs-up-first',
          text: '等客户先挂机',
          weight: 15,
          scale: { kind: 'yes-no' },
        },
      ],
    },
  ],
};
