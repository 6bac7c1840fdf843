/**
 * English: a backend's address (issue 12 items 4, 5, 7): why an address is refused, the same
 * server added twice, and https:// to a server that speaks plain HTTP. Keys shared with
 * backend-address.zh-CN.ts; spread into en.ts (`validation`, `errors` and the top level).
 */
export const backendAddressValidationEn = {
  base_url_required: 'Enter the server address, e.g. http://192.168.1.100:8088.',
  base_url_format: 'Enter the server address as http://host:port or https://host:port.',
  base_url_scheme: 'The address starts with http:// or https://, as in http://host:port.',
  base_url_ip: 'This is not an IP address: an IPv4 address is four numbers from 0 to 255, e.g. 192.168.1.100.',
  base_url_host: 'This host name is not valid: letters, digits, hyphens and dots only.',
  base_url_port: 'The port is a number from 1 to 65535.',
  base_url_credentials: 'Leave the user name and password out of the address; enter the credentials below.',
};

export const backendAddressErrorsEn = {
  backend_already_added: 'This server is already a backend of this site: “{{name}}” at {{baseUrl}}. Open it instead of adding it again.',
  backend_bad_address: 'The stored address “{{baseUrl}}” of this backend is not a server address. Edit the backend and correct it.',
  backend_plain_http: 'This server speaks plain HTTP, not HTTPS, on {{hostPort}}: there is no certificate to check or pin. Use {{httpUrl}} as the address (Edit).',
};

export const backendAddressEn = {
  backendAddress: {
    openExisting: 'Open it',
    alreadyAdded: 'Already a backend: “{{name}}”',
  },
};
