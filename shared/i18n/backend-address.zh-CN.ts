/** 中文：后台地址（问题 12 第 4、5、7 项）。键与 backend-address.en.ts 相同。 */
export const backendAddressValidationZhCN = {
  base_url_required: '请输入服务器地址，例如 http://192.168.1.100:8088。',
  base_url_format: '请按 http://主机:端口 或 https://主机:端口 填写服务器地址。',
  base_url_scheme: '地址以 http:// 或 https:// 开头，例如 http://主机:端口。',
  base_url_ip: '这不是有效的 IP 地址：IPv4 地址是 0 到 255 之间的四个数字，例如 192.168.1.100。',
  base_url_host: '主机名无效：只能包含字母、数字、连字符和点。',
  base_url_port: '端口是 1 到 65535 之间的数字。',
  base_url_credentials: '地址中不要带用户名和密码；请在下方填写凭据。',
};

export const backendAddressErrorsZhCN = {
  backend_already_added: '此服务器已是本工地的后台：“{{name}}”（{{baseUrl}}）。请直接打开它，不要重复添加。',
  backend_bad_address: '此后台保存的地址“{{baseUrl}}”不是有效的服务器地址。请编辑该后台并改正。',
  backend_plain_http: '此服务器在 {{hostPort}} 上使用普通 HTTP，而不是 HTTPS：没有证书可供核对或固定。请把地址改为 {{httpUrl}}（编辑）。',
};

export const backendAddressZhCN = {
  backendAddress: {
    openExisting: '打开它',
    alreadyAdded: '已是后台：“{{name}}”',
  },
};
