// A minimal ONVIF device's WS-Discovery side, for tests inside network namespaces: joins
// 239.255.255.250 on its address, answers a Probe with a ProbeMatch (ONVIF Core §7.3.2), prints
// `{"ready":true}` once listening.  node onvif-responder.ts <own address> <name scope>
import { createSocket } from 'node:dgram';

const [address = '', name = 'IPC'] = process.argv.slice(2);
const socket = createSocket({ type: 'udp4', reuseAddr: true });

function probeMatch(relatesTo: string): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://www.w3.org/2003/05/soap-envelope" xmlns:wsa="http://schemas.xmlsoap.org/ws/2004/08/addressing" xmlns:d="http://schemas.xmlsoap.org/ws/2005/04/discovery" xmlns:dn="http://www.onvif.org/ver10/network/wsdl" xmlns:tds="http://www.onvif.org/ver10/device/wsdl">',
    '<SOAP-ENV:Header>',
    '<wsa:MessageID>uuid:5f1c2d7e-0000-4000-8000-000000000001</wsa:MessageID>',
    `<wsa:RelatesTo>${relatesTo}</wsa:RelatesTo>`,
    '<wsa:To>http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</wsa:To>',
    '<wsa:Action>http://schemas.xmlsoap.org/ws/2005/04/discovery/ProbeMatches</wsa:Action>',
    '</SOAP-ENV:Header>',
    '<SOAP-ENV:Body><d:ProbeMatches><d:ProbeMatch>',
    '<wsa:EndpointReference><wsa:Address>urn:uuid:5f1c2d7e-0000-4000-8000-0000000000aa</wsa:Address></wsa:EndpointReference>',
    '<d:Types>dn:NetworkVideoTransmitter tds:Device</d:Types>',
    `<d:Scopes>onvif://www.onvif.org/type/video_encoder onvif://www.onvif.org/name/${name} onvif://www.onvif.org/hardware/DS-2CD2T47 onvif://www.onvif.org/location/gate</d:Scopes>`,
    `<d:XAddrs>http://${address}/onvif/device_service</d:XAddrs>`,
    '<d:MetadataVersion>1</d:MetadataVersion>',
    '</d:ProbeMatch></d:ProbeMatches></SOAP-ENV:Body></SOAP-ENV:Envelope>',
  ].join('');
}

socket.on('message', (data, rinfo) => {
  const text = data.toString('utf8');
  if (!/discovery\/Probe</.test(text)) return;
  const id = /<(?:\w+:)?MessageID>([^<]+)</.exec(text)?.[1];
  if (id) socket.send(probeMatch(id), rinfo.port, rinfo.address);
});
socket.bind(3702, () => {
  socket.addMembership('239.255.255.250', address);
  process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
});
process.on('SIGTERM', () => socket.close(() => process.exit(0)));
