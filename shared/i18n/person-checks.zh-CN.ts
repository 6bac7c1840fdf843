import { NO_FACE_REASON_MAX } from '../contract/people.ts';
import type { personChecksEn, personChecksErrorsEn, personChecksValidationEn } from './person-checks.en.ts';

/** 人员检查的中文文本（无人脸保存、之后补拍人脸、身份证号重复）；键与 person-checks.en.ts 相同。 */
export const personChecksZhCN: typeof personChecksEn = {
  noFace: {
    title: '不拍人脸照片就保存？',
    body: '本工位用于采集人脸：没有人脸照片，{{name}} 无法刷脸开门。请填写原因，之后在“人员”页面补拍（修改 → 用摄像头拍照 或 选择照片文件）。',
    bodyNoName: '本工位用于采集人脸：没有人脸照片，此人无法刷脸开门。请填写原因，之后在“人员”页面补拍（修改 → 用摄像头拍照 或 选择照片文件）。',
    reason: '为什么没有人脸照片？',
    reasonPlaceholder: '例如：本人今天不在；摄像头故障',
    confirm: '不拍人脸，保存',
    mark: '无人脸',
    markWithReason: '无人脸：{{reason}}',
  },
  personFace: {
    title: '人脸照片',
    listed: '有照片',
    has: '已有人脸照片。保存时新照片会替换它。',
    none: '没有人脸照片。请用摄像头拍照或选择照片文件，保存时与其他信息一起下发。',
    noneReason: '没有人脸照片（原因：{{reason}}）。请用摄像头拍照或选择照片文件，保存时与其他信息一起下发。',
    capture: '用摄像头拍照',
    closeCamera: '关闭摄像头',
    chooseFile: '选择照片文件…',
    checking: '正在检查照片…',
    newFace: '新的人脸照片已就绪，保存时一起保存。',
    discard: '放弃新照片',
    fileRefused: '这张照片不能用：{{reason}} 请换一张照片，或用摄像头拍照。',
    fileFailed: '照片中的人脸未通过：{{checks}}。请换一张更好的照片或用摄像头拍照，也可以仍然使用（会记录未通过的检查项）。',
    keepAnyway: '仍然使用',
    noFaceFound: '照片中未检测到人脸。',
    manyFaces: '照片中有 {{faces}} 张人脸；请用只有本人的照片。',
    unreadable: '该文件不是 Doorman 能打开的 JPEG 或 PNG 图片。',
    detectorFailed: '此窗口无法进行人脸检查（{{reason}}）。',
  },
  personCli: {
    savedNoFace: '注意：{{pin}} 没有人脸照片，已标记为“无人脸”。之后可用 enroll --pin {{pin}} --photo <文件>（其他参数同前）补上，或在“人员”页面修改。',
  },
  idNumberCheck: {
    taken: '该身份证号已登记：{{name}}（工号 {{pin}}）。请核对号码；如果是同一个人，请改为在“人员”页面修改 {{pin}}。',
    checking: '正在与本工地人员核对身份证号…',
  },
};

export const personChecksErrorsZhCN: typeof personChecksErrorsEn = {
  id_number_taken: '该身份证号已登记：{{name}}（工号 {{pin}}）。请核对号码；如果是同一个人，请改为在“人员”页面修改 {{pin}}。',
};

export const personChecksValidationZhCN: typeof personChecksValidationEn = {
  id_number_taken: '该身份证号已在本工地登记：{{name}}（工号 {{pin}}）。请核对号码；如果是同一个人，请在此行填写工号 {{pin}}。',
  no_face_reason_required: '请填写没有人脸照片的原因。',
  no_face_reason_too_long: `原因太长：最多 ${NO_FACE_REASON_MAX} 个字符。`,
};
