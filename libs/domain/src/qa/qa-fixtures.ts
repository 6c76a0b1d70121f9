import { type Scorecard } from './scorecard';

/** The call center's service standard as a small scorecard (used by tests and as a config example). */
export const SERVICE_SCORECARD: Scorecard = {
  id: 'service',
  name: 'Service standard 服务规范',
  version: 1,
  passMark: 80,
  sections: [
    {
      id: 'opening',
      title: 'Opening 开场',
      weight: 30,
      items: [
        {
          id: 'rings',
          text: 'Answered within 3 rings 三声内接听',
          weight: 1,
          scale: { kind: 'yes-no' },
        },
        {
          id: 'greeting',
          text: 'Standard greeting with employee number 标准问候语报工号',
          weight: 2,
          scale: { kind: 'points', max: 4 },
        },
      ],
    },
    {
      id: 'handling',
      title: 'Handling 处理',
      weight: 50,
      items: [
        {
          id: 'confirm',
          text: 'Repeats problem, address, name, number 复述确认',
          weight: 3,
          scale: { kind: 'points', max: 5 },
        },
        {
          id: 'wait',
          text: "Says 'please wait' after 10 s 请稍候",
          weight: 1,
          scale: { kind: 'yes-no' },
          allowNa: true,
        },
        {
          id: 'argue',
          text: 'Argues with the customer 与客户争吵（出现即判零分）',
          weight: 1,
          scale: { kind: 'yes-no', passLabel: '未出现 not seen', failLabel: '出现 seen' },
          critical: true,
        },
      ],
    },
    {
      id: 'closing',
      title: 'Closing 结束',
      weight: 20,
      items: [
        {
          id: 'closing',
          text: 'Standard closing 标准结束语',
          weight: 1,
          scale: { kind: 'yes-no' },
        },
      ],
    },
  ],
};

export const PERFECT = {
  rings: 1,
  greeting: 4,
  confirm: 5,
  wait: 1,
  argue: 1,
  closing: 1,
} as const;
