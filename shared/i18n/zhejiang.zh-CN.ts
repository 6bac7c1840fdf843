/** 中文：浙江实名制平台编解码（issue 16 第 1 项）：平台错误码、帧、JSON、签名与字段编号错误，以及 CLI 的 `sign zhejiang`。键与 zhejiang.en.ts 相同；展开到 zh-CN.ts（顶层）。 */
export const zhejiangZhCN = {
  zhejiang: {
    platformErrors: {
      apicodeEmpty: {
        happened: '浙江平台称请求中没有 apicode（400_01 APICODE 为空）。',
        todo: '这是 Doorman 组装请求的问题，或字段编号与平台不一致：请在“高级”中检查桥接的字段编号（可尝试单一信封布局 B），然后将 Doorman 日志发给技术支持。',
      },
      paramUnreadable: {
        happened: '浙江平台无法解析请求的 param（400_02 param 解析失败）。',
        todo: 'Doorman 不会盲目重试。请在“高级”中尝试另一种 HTTPS param 编码（对象 ↔ 字符串）或另一种取值类型；仍然失败请将 Doorman 日志发给平台运营方。',
      },
      tokenOrSign: {
        happened: '浙江平台拒绝了 token 或签名（400_04 token 或 sign 验证失败）。',
        todo: 'Doorman 会自动重新认证一次。若再次出现，请按平台下发的原样核对 accessId、accessKey 和 accessSecret；若无误，请尝试“高级”中的开关（先将 HTTPS param 改为字符串，再将图片改为以空字符串参与签名）。',
      },
      timestamp: {
        happened: '浙江平台拒绝了请求的时间（400_05 timestamp 验证错误）。',
        todo: '本机时钟或时区有误：平台使用北京时间（UTC+8）。请开启自动对时（NTP）并检查时区；Doorman 会自动校时并重试一次。',
      },
      noToken: {
        happened: '浙江平台已不认识此设备的 token（401_01 token 不存在）：token 在 30 分钟无请求后失效。',
        todo: '无需操作：Doorman 会自动重新认证。若每隔几分钟就出现一次，请检查心跳是否正常（设备实时状态）。',
      },
      keyRevoked: {
        happened: '浙江平台称认证密钥已失效（401_02 认证密钥已失效）。',
        todo: '桥接已停止此设备。请向平台运营方申请新的 accessId、accessKey 和 accessSecret，填入桥接设置后重新启动。',
      },
      system: {
        happened: '浙江平台内部出错（500_01 系统异常）。',
        todo: '不会丢失数据：Doorman 会逐步加长间隔重试。若持续出现，请告知平台运营方。',
      },
      unknown: {
        happened: '浙江平台以文档未列出的错误码 {{code}} 拒绝了请求（{{message}}）。',
        todo: 'Doorman 已记录并继续运行。请将错误码和信息告知平台运营方；若与签名有关，请尝试“高级”中的开关。',
      },
      missing: {
        happened: '浙江平台返回“未成功”，但没有错误码。',
        todo: 'Doorman 已记录该返回并将重试。若反复出现，请将 Doorman 日志发给平台运营方。',
      },
    },
    frame: {
      malformedPrefix: '浙江平台发来的字节不是有效的数据帧（长度前缀无效：{{detail}}）。Doorman 已断开连接并将自动重连；若反复出现，请检查 TCP 地址是否为平台的设备端口，而非其他服务。',
      tooLarge: '浙江平台声明了 {{length}} 字节的数据帧，超过上限 {{max}}。Doorman 已断开连接并将重连；若平台确实发送这么大的帧，请在“高级”中调高最大帧长度，否则请检查 TCP 地址。',
    },
    json: {
      unreadable: '浙江平台的返回即使宽松解析也不是 JSON（{{detail}}）。请检查地址是否为平台地址；若无误，请将 Doorman 日志发给平台运营方。',
      badField: '浙江平台对 {{apicode}} 的返回中“{{field}}”无法读取（{{found}}），Doorman 未据此执行，该任务未完成。请将 Doorman 日志发给平台运营方。',
      noSuccess: '浙江平台对 {{apicode}} 的返回是 JSON，但没有说明调用是否成功（“success”为 {{found}}，不是 true 或 false）。Doorman 未据此执行任何操作；请将 Doorman 日志发给平台运营方。',
      noToken: '浙江平台接受了设备认证（C_AUTH），但返回中没有 token（{{detail}}）。Doorman 会重新连接并再试；若问题持续，请将 Doorman 日志发给平台运营方：返回应为 {token:"…"}。',
    },
    responseSign: {
      mismatch: '浙江平台对 {{apicode}} 的返回不是用此 accessSecret 签名的，且签名校验为“严格”。请检查 accessSecret；若无误且调用正常，请将返回签名校验设为“警告”（默认）。',
      warning: '浙江平台对 {{apicode}} 的返回签名不匹配（文档中的示例签名只是占位值）；仍已使用该返回。如需拒绝此类返回，请将返回签名校验设为“严格”。',
    },
    unknownApicode: '浙江平台文档中没有接口“{{apicode}}”。可用的接口：{{known}}。',
    layout: {
      invalid: '浙江平台字段编号不可用：{{problems}}。同一消息内每个字段须有各自的整数编号，范围 1 至 536870911（不含 19000–19999）；请在“高级”中更正。',
      unknownFrame: '浙江平台发来的数据帧无法按已配置的任何消息布局读作 C_AUTH、C_HEARTBEAT 或 C_SIGN_IN。已记录并忽略；若一直收不到应答，请在“高级”中尝试另一种字段布局。',
    },
  },
  signZhejiang: {
    fieldsNotObject: '--fields 须为请求字段的 JSON 对象，例如 {"version":"v1.0.0","sn":"…","token":"…","timeStamp":"…","param":{…}}。',
    fieldNotText: '--fields：“{{field}}”须为文本或数字（只有 param 和 response 可以是 JSON）。',
    successNotBoolean: '--fields：success 须为 true 或 false（用于返回签名）。',
  },
};
