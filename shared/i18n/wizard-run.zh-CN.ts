/** 中文：设置向导的步骤按钮为何不可用，在按钮旁说明（问题 12 第 16 项）。 */
export const wizardRunZhCN = {
  wizardRun: {
    missing: '还需要：{{fields}}。',
    earlierStep: '先完成“{{step}}”',
    oneDoor: '至少勾选一个门',
    validGroupName: '鸿图可接受且未被占用的组名称',
  },
};
