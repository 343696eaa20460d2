import { render } from 'solid-js/web';
import '../common/base.css';
import './respond.css';
import { RespondentApp } from './RespondentApp.tsx';

render(() => <RespondentApp token={location.hash.slice(1)} />, document.getElementById('root')!);
