/** 中文：门禁测试页不提供某项测试的原因（shared/rules/door-test-offers.ts，issue 14）。键与 door-test-offers.en.ts 相同；展开到 zh-CN.ts（顶层）。 */
export const doorTestOffersZhCN = {
  doorTestOffers: {
    notOfferedOption: '{{test}}（不提供）',
    reasons: {
      noDoorModes: '不提供门状态测试：该系统无法通过接口设置门的常开/常闭。{{note}}',
      noRestore: '不提供门状态测试：该系统可通过接口将门设为常开或常关，但无法通过接口将门恢复正常，测试会让门一直保持常开/常关。{{note}}',
    },
  },
};
